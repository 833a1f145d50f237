namespace WebhookPortal.Client;

/// <summary>What publishing an event made.</summary>
/// <param name="EventId">The event's id (<c>evt_…</c>); deliveries of it carry it in their payload's envelope and log.</param>
/// <param name="Deliveries">How many listeners matched, so how many deliveries were queued.</param>
public sealed record PublishedEvent(string EventId, int Deliveries)
{
    /// <summary>The idempotency key the event was published with (yours, or the one generated for you).</summary>
    public string IdempotencyKey { get; init; } = "";

    /// <summary>True when the key had been used before: this is the first event with it, and nothing new was stored.</summary>
    public bool Repeated { get; init; }
}
