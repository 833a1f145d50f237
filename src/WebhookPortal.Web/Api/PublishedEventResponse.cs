using System.ComponentModel;

namespace WebhookPortal.Web.Api;

/// <summary>The answer to a publish: the event's id and how many deliveries it made.</summary>
public sealed record PublishedEventResponse(
    [property: Description("The event's id (evt_…); GET /api/events/{id} reads it with its deliveries.")] string EventId,
    [property: Description("How many listeners matched, so how many deliveries were queued.")] int Deliveries);
