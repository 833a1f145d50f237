namespace WebhookPortal.Core.Deliveries;

/// <summary>What happens after an attempt, and why in words when it is not a plain success.</summary>
public sealed record RetryDecision(RetryOutcome Outcome, DateTimeOffset? NextAttemptAt = null, string? Reason = null);
