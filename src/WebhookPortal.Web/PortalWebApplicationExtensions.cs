using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using WebhookPortal.Web.Accounts;
using WebhookPortal.Web.Api;
using WebhookPortal.Web.Api.OpenApi;
using WebhookPortal.Web.Components;
using WebhookPortal.Web.Health;
using WebhookPortal.Web.Metrics;
using WebhookPortal.Web.Security;

namespace WebhookPortal.Web;

public static class PortalWebApplicationExtensions
{
    /// <summary>The request pipeline: errors, static assets, the portal, the REST API and health.</summary>
    public static WebApplication UsePortalWeb(this WebApplication app)
    {
        // First, so every answer carries them, error pages included.
        app.UseSecurityHeaders();

        // REST callers get problem details; people in a browser get the error page.
        app.UseWhen(IsApi, api => api.UseExceptionHandler().UseStatusCodeProblems().UseBadRequestProblems());
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler("/error", createScopeForErrors: true);
            pages.UseStatusCodePagesWithReExecute("/not-found");
        });

        app.UseOriginCheck(IsApi);

        // Explicit, after the status-code pages, so a re-executed request (404 -> /not-found) is routed again.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        // Every /api call needs a key; each group narrows the roles further where the services do not.
        app.MapGroup("/api")
            .RequireAuthorization(PortalPolicies.Api)
            .NeedsKey()
            .MapHookEndpoints()
            .MapListenerEndpoints()
            .MapFilterPreviewEndpoints()
            .MapEventEndpoints()
            .MapInboundSourceEndpoints()
            .MapDeliveryEndpoints()
            .MapAccountApiEndpoints()
            .MapAuditEndpoints()
            .MapBackupEndpoints();

        app.MapAccountEndpoints();

        // Outside /api and its admin key: a sender authenticates each request with its signature.
        app.MapIngestEndpoints();

        // Outside /api too: the built-in receiver is a target for deliveries and for anyone testing a sender.
        app.MapReceiverEndpoints();

        app.MapPortalOpenApi();

        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapMetricsEndpoints();
        return app;
    }

    // Ingest and the receiver answer senders, not people: problem details too, never the HTML error or not-found page.
    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/ingest") ||
        ReceiverEndpoints.IsReceiverCall(context);
}
