using WebhookPortal.Core.Hooks;

namespace WebhookPortal.Core.Events;

/// <summary>
/// Something that happened, as one hook's payload: stored once, with one delivery per listener whose
/// filters it matched, in the same transaction (the outbox).
/// </summary>
public sealed class Event
{
    public const string IdPrefix = "evt";

    /// <summary><c>evt_</c> and a sortable unique id.</summary>
    public required string Id { get; set; }

    public int HookId { get; set; }

    public Hook Hook { get; set; } = default!;

    /// <summary>The payload as JSON text, cut down to the hook's provided fields.</summary>
    public required string Payload { get; set; }

    public EventOrigin Origin { get; set; }

    /// <summary>More about where it came from: the entity and its key, the inbound source, who sent a test.</summary>
    public string? OriginDetail { get; set; }

    /// <summary>The caller's key that makes a retried publish safe; unique per hook while it counts (24 hours).</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>How many deliveries the event fanned out to when it was stored.</summary>
    public int DeliveryCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
