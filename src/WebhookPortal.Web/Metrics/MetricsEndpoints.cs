using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Observability;
using WebhookPortal.Web.Api.OpenApi;

namespace WebhookPortal.Web.Metrics;

/// <summary>
/// <c>GET /metrics</c>: the portal's metrics in the Prometheus text format. Outside <c>/api</c> and its keys: a
/// scraper sends <c>Metrics:ScrapeKey</c> as a bearer token, or, while no key is set, scrapes from this machine.
/// </summary>
public static class MetricsEndpoints
{
    public static WebApplication MapMetricsEndpoints(this WebApplication app)
    {
        app.MapGet("/metrics", Scrape).WithTags("Operations").WithName("GetMetrics")
            .Doc("Scrape the metrics",
                "The portal's metrics in the Prometheus text exposition format (version 0.0.4): deliveries by outcome, attempt " +
                "durations, queue depth, the oldest due delivery, failures per listener. Without Metrics:ScrapeKey only callers on " +
                "this machine may scrape; with it, send it as a bearer token.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .Refuses(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        return app;
    }

    private static IResult Scrape(HttpContext context, MetricsCollector collector, IOptions<MetricsOptions> options)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Metrics are switched off",
                detail: "Set Metrics:Enabled to true in appsettings.json to serve /metrics.");
        }

        if (settings.ScrapeKey.Length > 0)
        {
            if (!HasKey(context.Request, settings.ScrapeKey))
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A scrape key is needed",
                    detail: "Send Metrics:ScrapeKey as 'Authorization: Bearer <key>' (Prometheus: authorization.credentials).");
            }
        }
        else if (!IsLocal(context.Connection.RemoteIpAddress))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Metrics are served to this machine only",
                detail: "Set Metrics:ScrapeKey in appsettings.json and send it as a bearer token to scrape from another machine.");
        }

        return TypedResults.Text(PrometheusText.Write(collector.Collect()), PrometheusText.ContentType);
    }

    private static bool HasKey(HttpRequest request, string key)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim())), SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    // No address at all means no network peer: the portal in-process (tests) or over a Unix socket.
    private static bool IsLocal(IPAddress? address) => address is null || IPAddress.IsLoopback(address);
}
