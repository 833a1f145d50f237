namespace WebhookPortal.Core.Observability;

/// <summary>
/// What the dashboard shows, over the listeners the actor sees: the last hour of attempts minute by minute,
/// its success rate and latency, the queue, and the listeners that need a look.
/// </summary>
/// <param name="PerMinute">The last 60 minutes, oldest first; the current minute last.</param>
/// <param name="P50Milliseconds">Half of the last hour's attempts took at most this long; null when there were none.</param>
/// <param name="P95Milliseconds">95 % of them took at most this long.</param>
/// <param name="Failing">Enabled listeners whose latest attempts failed, most failures in a row first (at most <see cref="DashboardService.ListenerRows"/>).</param>
/// <param name="Disabled">Disabled listeners, most recently disabled first (at most <see cref="DashboardService.ListenerRows"/>).</param>
public sealed record DashboardFigures(
    DateTimeOffset At,
    IReadOnlyList<DashboardMinute> PerMinute,
    int Attempts,
    int Succeeded,
    int? P50Milliseconds,
    int? P95Milliseconds,
    QueueFigures Queue,
    IReadOnlyList<ListenerAlert> Failing,
    int FailingCount,
    IReadOnlyList<ListenerAlert> Disabled,
    int DisabledCount)
{
    /// <summary>Succeeded attempts of the last hour as a percentage, or null when there were none.</summary>
    public double? SuccessRate => Attempts == 0 ? null : 100.0 * Succeeded / Attempts;
}

/// <summary>The attempts that started in one minute, by outcome.</summary>
/// <param name="Retried">Failed, and the delivery was tried again or waits to be.</param>
/// <param name="Dead">Failed as the last attempt of a delivery that failed for good.</param>
public sealed record DashboardMinute(DateTimeOffset Start, int Succeeded, int Retried, int Dead);

/// <summary>A listener that needs a look: failing, or disabled with the reason.</summary>
public sealed record ListenerAlert(
    string ListenerId, string Url, string Hook, int ConsecutiveFailures, DateTimeOffset? FailingSince,
    string? DisabledReason, DateTimeOffset? DisabledAt);
