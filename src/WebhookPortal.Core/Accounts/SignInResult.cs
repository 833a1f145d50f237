namespace WebhookPortal.Core.Accounts;

/// <summary>What a sign-in came to. A refusal never says whether the email exists.</summary>
public sealed record SignInResult(Account? Account, DateTimeOffset? LockedUntil = null)
{
    public bool Succeeded => Account is not null;

    public bool LockedOut => LockedUntil is not null;

    public static readonly SignInResult Refused = new((Account?)null);
}
