namespace WebhookPortal.Web.Api;

/// <summary>Whether the payload passes every filter, and each filter's outcome in words.</summary>
public sealed record FilterPreviewResponse(bool Matched, IReadOnlyList<FilterPreviewOutcome> Outcomes);
