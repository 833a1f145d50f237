using WebhookPortal.Core.Events;
using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// One event for one listener, and the queue entry that sends it: the deliveries table is the job store
/// (decision 002). Its id is the <c>webhook-id</c> the receiver sees, the same on every retry and replay.
/// </summary>
public sealed class Delivery
{
    public const string IdPrefix = "dlv";

    public required string Id { get; set; }

    public required string EventId { get; set; }

    public Event Event { get; set; } = default!;

    public required string ListenerId { get; set; }

    public Listener Listener { get; set; } = default!;

    public DeliveryStatus Status { get; set; } = DeliveryStatus.Pending;

    /// <summary>The listener is disabled: the delivery waits, kept, and goes out when the listener is enabled again.</summary>
    public bool Held { get; set; }

    public int AttemptCount { get; set; }

    /// <summary>When a pending delivery is next due.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>While sending: when the sender's claim runs out and another may take the delivery over.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>What starts the next attempt: the schedule, or a person's replay or manual retry.</summary>
    public AttemptTrigger NextTrigger { get; set; }

    /// <summary>Who asked for the next attempt, when a person did.</summary>
    public string? NextTriggeredBy { get; set; }

    /// <summary>The HTTP status of the last attempt, when it got one.</summary>
    public int? LastResponseStatus { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it reached <see cref="DeliveryStatus.Succeeded"/>, <see cref="DeliveryStatus.Failed"/> or <see cref="DeliveryStatus.Cancelled"/>.</summary>
    public DateTimeOffset? CompletedAt { get; set; }
}
