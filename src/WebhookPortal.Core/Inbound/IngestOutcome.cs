using WebhookPortal.Core.Events;

namespace WebhookPortal.Core.Inbound;

/// <summary>What <see cref="InboundReceiver"/> answers: the event published, or why not in words safe to send back.</summary>
public sealed record IngestOutcome(IngestResult Result, string Title, string Detail, RejectionReason? Reason = null, PublishedEvent? Event = null)
{
    public static IngestOutcome Accepted(PublishedEvent published) =>
        new(IngestResult.Accepted, "Accepted", published.Repeated ? "This delivery was received before; its event is returned." : "Published.",
            Event: published);

    /// <summary>A recorded refusal: 413 for a body over the limit, 400 for a verified body that is not JSON, 401 for the rest.</summary>
    public static IngestOutcome Refused(RejectionReason reason, string detail) => reason switch
    {
        RejectionReason.PayloadTooLarge => new(IngestResult.PayloadTooLarge, "The body is too large", detail, reason),
        RejectionReason.InvalidPayload => new(IngestResult.InvalidPayload, "The body is not a JSON object", detail, reason),
        _ => new(IngestResult.Unverified, "The request could not be verified", detail, reason),
    };

    public static readonly IngestOutcome SourceNotFound = new(IngestResult.SourceNotFound, "Source not found",
        "No inbound source answers at this address. Check the URL the sender posts to.");
}
