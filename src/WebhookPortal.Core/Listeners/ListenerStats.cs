namespace WebhookPortal.Core.Listeners;

/// <summary>How a listener has been doing: its attempts over the last day and week, and what waits for it.</summary>
/// <param name="Hourly">The last 24 hours, one bucket per hour, oldest first.</param>
/// <param name="Daily">The last 7 days, one bucket per day, oldest first.</param>
/// <param name="Waiting">Deliveries due or scheduled for a retry.</param>
/// <param name="Held">Deliveries kept while the listener is disabled.</param>
public sealed record ListenerStats(
    ListenerPeriodStats LastDay,
    ListenerPeriodStats LastWeek,
    IReadOnlyList<ListenerStatsBucket> Hourly,
    IReadOnlyList<ListenerStatsBucket> Daily,
    int Waiting,
    int Held);

/// <summary>Attempts in a period: how many succeeded (2xx) and how long they took.</summary>
public sealed record ListenerPeriodStats(int Attempts, int Succeeded, int? P50Milliseconds, int? P95Milliseconds)
{
    /// <summary>Succeeded attempts as a percentage, or null when there were none.</summary>
    public double? SuccessRate => Attempts == 0 ? null : 100.0 * Succeeded / Attempts;
}

/// <summary>One bar of a listener's chart.</summary>
public sealed record ListenerStatsBucket(DateTimeOffset Start, int Succeeded, int Failed, int? AverageMilliseconds);
