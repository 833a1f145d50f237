namespace WebhookPortal.Core.Observability;

/// <summary>The delivery queue at one moment.</summary>
/// <param name="Due">Pending and due now, waiting for a sender.</param>
/// <param name="Scheduled">Pending and due later: retries waiting for their time.</param>
/// <param name="Sending">Claimed by a sender under a lease.</param>
/// <param name="Held">Kept while their listener is disabled.</param>
/// <param name="OldestDueAge">How long the longest-waiting due delivery is past its due time (zero when none is due).</param>
public sealed record QueueFigures(long Due, long Scheduled, long Sending, long Held, TimeSpan OldestDueAge)
{
    public static readonly QueueFigures Empty = new(0, 0, 0, 0, TimeSpan.Zero);
}
