namespace WebhookPortal.Core.Accounts;

/// <summary>An API key as lists show it: never the key itself.</summary>
public sealed record ApiKeySummary(
    int Id, int AccountId, string AccountEmail, string Name, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public bool Revoked => RevokedAt is not null;
}
