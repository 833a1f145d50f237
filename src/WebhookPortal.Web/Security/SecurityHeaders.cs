using Microsoft.Extensions.Options;

namespace WebhookPortal.Web.Security;

/// <summary>
/// Headers every response carries: a Content-Security-Policy that lets the portal load only its own scripts, styles,
/// fonts and connections, and be framed only by <c>Security:FrameAncestors</c>; and <c>X-Content-Type-Options: nosniff</c>,
/// so a browser never runs a stored payload or response body it was told is JSON or text as a script or page.
/// </summary>
public static class SecurityHeaders
{
    // Radzen and Blazor set style attributes at run time, hence 'unsafe-inline' for styles only; no script runs inline.
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors ";

    public static string ContentSecurityPolicy(SecurityOptions options) => Policy + options.FrameAncestors.Trim();

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var policy = ContentSecurityPolicy(app.ApplicationServices.GetRequiredService<IOptions<SecurityOptions>>().Value);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
