using Microsoft.Extensions.Options;

namespace WebhookPortal.Web.Security;

/// <summary>
/// Refuses, with a 403 that says why, a live connection (<c>/_blazor</c>) or a form post whose <c>Origin</c> header names a
/// site other than the portal itself (the host the request was sent to), <c>Portal:BaseUrl</c> or <c>Security:AllowedOrigins</c>: another site's page must
/// not drive a signed-in person's session. A request without <c>Origin</c> (not sent by a browser on another site's
/// behalf) passes; antiforgery still guards every form. The REST API, ingest and the receiver authenticate each call
/// themselves and are not checked here.
/// </summary>
public static class OriginCheck
{
    public static IApplicationBuilder UseOriginCheck(this IApplicationBuilder app, Func<HttpContext, bool> isApi)
    {
        var security = app.ApplicationServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var configured = security.AllowedOrigins.Select(Normalize).OfType<string>().ToList();
        // The portal's public address may carry a path (https://example.com/webhooks); its origin is what pages send.
        if (Uri.TryCreate(app.ApplicationServices.GetRequiredService<IConfiguration>()["Portal:BaseUrl"], UriKind.Absolute, out var baseUrl) &&
            Normalize(baseUrl.GetLeftPart(UriPartial.Authority)) is { } portal)
        {
            configured.Add(portal);
        }

        var allowed = configured.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            var guarded = request.Path.StartsWithSegments("/_blazor") ||
                          (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) &&
                           !HttpMethods.IsOptions(request.Method) && !isApi(context));
            string? origin = request.Headers.Origin;
            if (!guarded || string.IsNullOrEmpty(origin) || IsOwn(origin, request, allowed))
            {
                await next(context);
                return;
            }

            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OriginCheck))
                .LogWarning("Refused a {Method} to {Path} from the foreign origin {Origin}", request.Method, request.Path, origin);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Request from another site refused",
                    Detail = $"The portal accepts form posts and live connections only from its own pages ({request.Scheme}://{request.Host}); " +
                             $"this request came from a page on {Shorten(origin)}. To embed the portal in another application, " +
                             "add that application's origin to Security:AllowedOrigins.",
                },
            });
        });
    }

    /// <summary><c>scheme://host[:port]</c> in lower case, the default port left out; null when the text is not an http(s) origin.</summary>
    public static string? Normalize(string? origin)
    {
        if (!Uri.TryCreate(origin?.Trim(), UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) ||
            uri.PathAndQuery.Length > 1 || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return null;
        }

        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }

    // The portal's own pages send its host (and port) as the browser saw it; the scheme is left out of the comparison
    // because a proxy that ends TLS passes https requests on as http with the same Host header.
    private static bool IsOwn(string origin, HttpRequest request, HashSet<string> allowed) =>
        Normalize(origin) is { } normalized &&
        (allowed.Contains(normalized) ||
         (Uri.TryCreate($"{new Uri(normalized).Scheme}://{request.Host}", UriKind.Absolute, out var own) &&
          string.Equals(new Uri(normalized).Authority, own.Authority, StringComparison.OrdinalIgnoreCase)));

    private static string Shorten(string origin) =>
        new(origin.Take(100).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
