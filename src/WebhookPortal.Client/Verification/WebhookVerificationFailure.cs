namespace WebhookPortal.Client;

/// <summary>Why a webhook was not accepted as genuine.</summary>
public enum WebhookVerificationFailure
{
    /// <summary>It was verified.</summary>
    None,

    /// <summary><c>webhook-id</c>, <c>webhook-timestamp</c> or <c>webhook-signature</c> is missing or empty.</summary>
    MissingHeader,

    /// <summary><c>webhook-timestamp</c> is not a whole number of seconds since 1970.</summary>
    InvalidTimestamp,

    /// <summary>The timestamp is older than the tolerance: a delayed or replayed request.</summary>
    TimestampTooOld,

    /// <summary>The timestamp is later than now plus the tolerance: a clock far off, or a forged request.</summary>
    TimestampInFuture,

    /// <summary><c>webhook-signature</c> holds no <c>v1,</c> signature this verifier can check.</summary>
    NoSupportedSignature,

    /// <summary>No signature matches: the body, id or timestamp was changed, or the secret is not the listener's.</summary>
    SignatureMismatch,
}
