namespace WebhookPortal.Core.Events;

/// <summary>One event an entity change stored: its id, its hook and how many deliveries it fanned out to.</summary>
public sealed record EntityEventPublished(string EventId, string Hook, int Deliveries);
