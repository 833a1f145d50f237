using WebhookPortal.Core.Inbound;

namespace WebhookPortal.Web.Api;

/// <summary>A refused request as the REST API shows it: header names only, and the body's length only.</summary>
public sealed record InboundRejectionResponse(
    long Id,
    DateTimeOffset ReceivedAt,
    RejectionReason Reason,
    string Detail,
    string? RemoteAddress,
    IReadOnlyList<string> HeaderNames,
    long BodyLength)
{
    public static InboundRejectionResponse From(InboundRejection rejection) => new(
        rejection.Id, rejection.ReceivedAt, rejection.Reason, rejection.Detail, rejection.RemoteAddress, rejection.HeaderNames, rejection.BodyLength);
}
