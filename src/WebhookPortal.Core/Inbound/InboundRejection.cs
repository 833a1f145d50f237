namespace WebhookPortal.Core.Inbound;

/// <summary>
/// A request to a source that was refused, kept for the admin to see why. It holds what helps to diagnose
/// without keeping anything a sender may have meant to be secret: the header names but not their values
/// (they carry signatures and tokens), and the body's length but not the body (unverified, possibly personal data).
/// Only the newest <c>Inbound:MaxRejectionsPerSource</c> are kept per source.
/// </summary>
public sealed class InboundRejection
{
    public const int MaxDetailLength = 300;
    public const int MaxHeaderNames = 50;

    public long Id { get; set; }

    public int SourceId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public RejectionReason Reason { get; set; }

    /// <summary>What failed, in general terms: never the expected signature.</summary>
    public required string Detail { get; set; }

    public string? RemoteAddress { get; set; }

    /// <summary>The names of the headers sent, lowercase and sorted; at most <see cref="MaxHeaderNames"/>.</summary>
    public List<string> HeaderNames { get; set; } = new();

    /// <summary>The body's length in bytes; for a body over the limit, the declared length or the limit plus one.</summary>
    public long BodyLength { get; set; }
}
