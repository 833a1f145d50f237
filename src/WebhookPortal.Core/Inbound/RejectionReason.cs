namespace WebhookPortal.Core.Inbound;

/// <summary>Why an inbound request was refused, as a code the portal and the API show beside the words.</summary>
public enum RejectionReason
{
    /// <summary>A header the scheme needs was not sent (or was empty).</summary>
    MissingHeader,

    /// <summary>A header was sent but could not be read: wrong format, or sent more than once.</summary>
    MalformedHeader,

    /// <summary>The header was readable but no signature (or token) matches the source's secret.</summary>
    SignatureMismatch,

    /// <summary>The signature verifies, but its timestamp is too far from now: a replay, or a sender's clock that is off.</summary>
    TimestampOutsideTolerance,

    /// <summary>The body is larger than <c>Events:MaxPayloadBytes</c>; it was not read to the end, nor verified.</summary>
    PayloadTooLarge,

    /// <summary>The signature verifies, but the body is not a JSON object an event can be made of.</summary>
    InvalidPayload,
}
