namespace WebhookPortal.Web.Api;

/// <summary>The answer to a verified request: the event it became and how many deliveries it fanned out to.</summary>
public sealed record IngestResponse(string EventId, int Deliveries);
