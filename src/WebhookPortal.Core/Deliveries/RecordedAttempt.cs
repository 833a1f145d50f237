namespace WebhookPortal.Core.Deliveries;

/// <summary>An attempt once stored: what was decided, whether the delivery took it, and whether its listener was disabled.</summary>
/// <param name="Applied">False when the lease had been taken over: the attempt is kept, the newer claim decides the delivery.</param>
/// <param name="DisabledListener">The listener this attempt's failure disabled, with its hook and the reason.</param>
public sealed record RecordedAttempt(
    SentAttempt Sent,
    RetryDecision Decision,
    bool Applied,
    (string ListenerId, int HookId, string Reason)? DisabledListener)
{
    /// <summary>What became of the delivery, as the metrics count it.</summary>
    public Observability.AttemptOutcome Outcome { get; init; } = Observability.AttemptOutcome.Superseded;
}
