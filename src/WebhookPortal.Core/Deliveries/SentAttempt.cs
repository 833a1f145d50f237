namespace WebhookPortal.Core.Deliveries;

/// <summary>One finished try: the attempt as it will be stored, and its result for the retry policy.</summary>
public sealed record SentAttempt(DeliveryWork Work, DeliveryAttempt Attempt, AttemptResult Result, DateTimeOffset FinishedAt);
