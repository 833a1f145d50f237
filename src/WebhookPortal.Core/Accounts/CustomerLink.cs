namespace WebhookPortal.Core.Accounts;

/// <summary>A signed link to one customer's history: <see cref="Token"/> goes after <c>/links/</c>.</summary>
public sealed record CustomerLink(string Token, int AccountId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
