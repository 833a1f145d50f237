namespace WebhookPortal.Web.Api;

/// <summary>One filter's outcome: <c>name does not start with 'J'</c>.</summary>
public sealed record FilterPreviewOutcome(int Index, string Field, bool Passed, string Explanation);
