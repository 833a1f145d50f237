namespace WebhookPortal.Core.Events;

/// <summary>What a publish stored: the event's id and how many deliveries it fanned out to.</summary>
/// <param name="Repeated">True when the idempotency key had been seen: nothing new was stored.</param>
public sealed record PublishedEvent(string EventId, int Deliveries, bool Repeated);
