namespace WebhookPortal.Core.Accounts;

/// <summary>
/// Who is asking: a signed-in account, an API key's account, a customer link, the admin key from
/// configuration, or the portal itself. Every service that reads or changes scoped data takes one, so the
/// rules hold the same for the pages and the API.
/// </summary>
/// <param name="AccountId">The account, or null for the configured admin key and the system.</param>
/// <param name="Name">How the audit trail and the log name it ("ana@example.com", "admin API key").</param>
/// <param name="Role">What it may do.</param>
public sealed record Actor(int? AccountId, string Name, AccountRole Role)
{
    /// <summary>The portal itself: start-up seeding, background work and tests of the domain.</summary>
    public static readonly Actor System = new(null, "system", AccountRole.Admin);

    /// <summary>Someone not signed in: a customer of no account, who sees nothing.</summary>
    public static readonly Actor Anonymous = new(null, "anonymous", AccountRole.Customer);

    public bool IsAdmin => Role == AccountRole.Admin;

    /// <summary>Admins and support read every listener and delivery.</summary>
    public bool IsStaff => Role is AccountRole.Admin or AccountRole.Support;

    /// <summary>The customer account whose data alone this actor sees, or null when it sees everything.</summary>
    public int? OnlyOwner => IsStaff ? null : AccountId ?? -1;

    /// <summary>Whether a listener owned by <paramref name="ownerAccountId"/> is visible to this actor.</summary>
    public bool Sees(int? ownerAccountId) => IsStaff || (AccountId is { } id && ownerAccountId == id);
}
