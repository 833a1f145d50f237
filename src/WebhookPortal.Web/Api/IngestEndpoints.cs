using WebhookPortal.Web.Api.OpenApi;
using WebhookPortal.Core.Inbound;

namespace WebhookPortal.Web.Api;

/// <summary>
/// <c>POST /ingest/{source}</c>: webhooks from outside. Not behind the admin key: each request is authenticated by
/// its signature, which <see cref="InboundReceiver"/> checks. The endpoint only translates HTTP to Core and back.
/// </summary>
public static class IngestEndpoints
{
    public static IEndpointRouteBuilder MapIngestEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/ingest/{source}", ReceiveAsync).WithTags("Inbound").WithName("Ingest")
            .Doc("Receive a webhook from a sender", "Needs no API key: the request is verified by the signature its source's scheme " +
                "defines (webhook-id/webhook-timestamp/webhook-signature, X-Hub-Signature-256, Stripe-Signature, or a shared-secret " +
                "header). A verified body becomes an event of the source's hook. A refusal is recorded with its reason.")
            .TakesJson("The sender's payload as it sends it; it must be a JSON object to become an event.", ApiExamples.PublishRequest,
                requiresJson: false)
            .Answers<IngestResponse>(StatusCodes.Status202Accepted, ApiExamples.IngestResponse)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge);

        // Someone opening the endpoint in a browser, or a sender set to the wrong method, learns what it takes
        // (rather than meeting the portal's 404 page).
        app.MapMethods("/ingest/{source}", ["GET", "HEAD", "PUT", "PATCH", "DELETE"], (HttpContext context) =>
        {
            context.Response.Headers.Allow = "POST";
            return TypedResults.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed",
                detail: $"This endpoint receives webhooks by POST only; {context.Request.Method} is not accepted.");
        }).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(InboundReceiver receiver, HttpContext context, string source, CancellationToken cancellationToken)
    {
        var address = context.Connection.RemoteIpAddress;
        var request = new InboundRequest(new InboundHeaders(context.Request.Headers), context.Request.Body, context.Request.ContentLength,
            (address?.IsIPv4MappedToIPv6 == true ? address.MapToIPv4() : address)?.ToString());
        var outcome = await receiver.ReceiveAsync(source, request, cancellationToken);
        if (outcome.Result == IngestResult.Accepted)
        {
            return TypedResults.Json(new IngestResponse(outcome.Event!.EventId, outcome.Event.Deliveries), statusCode: StatusCodes.Status202Accepted);
        }

        var status = outcome.Result switch
        {
            IngestResult.SourceNotFound => StatusCodes.Status404NotFound,
            IngestResult.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
            IngestResult.InvalidPayload => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status401Unauthorized,
        };
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Signature";
        }

        return TypedResults.Problem(statusCode: status, title: outcome.Title, detail: outcome.Detail,
            extensions: outcome.Reason is { } reason ? new Dictionary<string, object?> { ["reason"] = reason.ToString() } : null);
    }
}
