namespace WebhookPortal.Core.Deliveries;

public enum RetryOutcome
{
    /// <summary>Delivered: nothing more to do.</summary>
    Succeeded,

    /// <summary>Try again at <see cref="RetryDecision.NextAttemptAt"/>.</summary>
    Retry,

    /// <summary>No more tries: the delivery is dead, kept for replay.</summary>
    Failed,

    /// <summary>No more tries, and the listener is to be disabled: the receiver answered 410 Gone.</summary>
    FailedAndDisableListener,
}
