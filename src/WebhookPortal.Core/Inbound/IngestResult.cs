namespace WebhookPortal.Core.Inbound;

/// <summary>How a request to <c>/ingest/{source}</c> ended; the endpoint turns each into its HTTP status.</summary>
public enum IngestResult
{
    /// <summary>Verified and published (or recognised as a retry of a delivery already published): 202.</summary>
    Accepted,

    /// <summary>No enabled source has the name: 404, and nothing is recorded.</summary>
    SourceNotFound,

    /// <summary>The signature does not verify: 401, recorded.</summary>
    Unverified,

    /// <summary>The body is over <c>Events:MaxPayloadBytes</c>: 413, recorded.</summary>
    PayloadTooLarge,

    /// <summary>Verified, but the body is not a JSON object: 400, recorded.</summary>
    InvalidPayload,
}
