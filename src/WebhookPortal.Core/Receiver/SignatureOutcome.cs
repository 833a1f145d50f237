namespace WebhookPortal.Core.Receiver;

/// <summary>What the built-in receiver found when it checked a request's Standard Webhooks signature.</summary>
public enum SignatureOutcome
{
    /// <summary>A listener's current or previous secret signed it, within the timestamp tolerance.</summary>
    Valid,

    /// <summary>A listener's secret signed it, but its timestamp is too far from now: a replay, or a clock that is off.</summary>
    TimestampOutsideTolerance,

    /// <summary>The headers are there, but no signature matches any candidate listener's secret.</summary>
    Invalid,

    /// <summary>Some of the headers are missing, repeated or unreadable.</summary>
    Malformed,

    /// <summary>None of <c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature</c> was sent.</summary>
    NoSignatureHeaders,

    /// <summary>No listener points at the bucket (or the one named in <c>?listener=</c> does not exist): no secret to check with.</summary>
    NoListener,

    /// <summary>The body was too large to keep in full, so it could not be checked.</summary>
    NotChecked,
}
