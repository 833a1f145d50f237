namespace WebhookPortal.Core.Accounts;

/// <summary>An account as lists show it, without its password hash or stamp.</summary>
public sealed record AccountSummary(
    int Id,
    string Email,
    string DisplayName,
    AccountRole Role,
    bool HasPassword,
    bool MaySeeSecrets,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt,
    int ListenerCount)
{
    /// <summary>The name to show: the display name, or the email when there is none.</summary>
    public string Label => DisplayName.Length > 0 ? DisplayName : Email;
}
