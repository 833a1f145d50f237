namespace WebhookPortal.Core.Accounts;

/// <summary>A key just made: <see cref="Key"/> is the only time the full key is available.</summary>
public sealed record CreatedApiKey(ApiKeySummary Summary, string Key);
