namespace WebhookPortal.Core.Demo;

/// <summary>A person as saved or deleted, and the event the change fired.</summary>
/// <param name="EventId">The event stored with the change; null when nothing changed or no hook watches people.</param>
/// <param name="Hook">The hook of that event: <c>person.saved</c> or <c>person.deleted</c>.</param>
/// <param name="Deliveries">How many deliveries the event fanned out to.</param>
public sealed record PersonChange(Person Person, string? EventId, string? Hook, int Deliveries);
