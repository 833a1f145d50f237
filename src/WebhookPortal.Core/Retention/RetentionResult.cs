namespace WebhookPortal.Core.Retention;

/// <summary>What one clean-up deleted.</summary>
public sealed record RetentionResult(int Attempts, int Events, int Deliveries);
