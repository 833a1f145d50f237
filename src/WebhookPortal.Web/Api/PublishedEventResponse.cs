namespace WebhookPortal.Web.Api;

/// <summary>The answer to a publish: the event's id and how many deliveries it made.</summary>
public sealed record PublishedEventResponse(string EventId, int Deliveries);
