namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// A bulk replay: the filter it was asked with and how far it got. Kept in the database, so a restart
/// resumes it where it stopped.
/// </summary>
public sealed class ReplayJob
{
    public const string IdPrefix = "rpl";

    public required string Id { get; set; }

    /// <summary>The log filter, as JSON.</summary>
    public required string Filter { get; set; }

    /// <summary>Only deliveries with an id up to this one: those that existed when it was asked.</summary>
    public required string UpToDeliveryId { get; set; }

    /// <summary>The next batch starts below this id; null before the first.</summary>
    public string? Cursor { get; set; }

    public int Total { get; set; }

    public int Queued { get; set; }

    public required string RequestedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
