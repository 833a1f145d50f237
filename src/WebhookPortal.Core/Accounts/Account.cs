namespace WebhookPortal.Core.Accounts;

/// <summary>A person (or a customer's organisation) who signs in to the portal or calls the API with a key.</summary>
public sealed class Account
{
    public int Id { get; set; }

    /// <summary>Stored lowercased and trimmed; unique.</summary>
    public required string Email { get; set; }

    public string DisplayName { get; set; } = "";

    public AccountRole Role { get; set; }

    /// <summary>ASP.NET Core Identity's password hash; null for an account that signs in only by key or link.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>Failed sign-ins since the last success or lockout.</summary>
    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>
    /// Changes whenever what a session may do changes (password, role, deletion): a cookie issued with an
    /// older stamp is no longer accepted.
    /// </summary>
    public required string SecurityStamp { get; set; }

    /// <summary>A customer account may see its listeners' signing secrets only when an admin allowed it.</summary>
    public bool MaySeeSecrets { get; set; }

    /// <summary>Customer links issued before this moment no longer open anything.</summary>
    public DateTimeOffset? LinksRevokedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }
}
