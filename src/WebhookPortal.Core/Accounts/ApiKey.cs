namespace WebhookPortal.Core.Accounts;

/// <summary>
/// A key an account's programs use on the REST API, acting with the account's role. Only a SHA-256 hash
/// is stored: the key itself is shown once, when it is made.
/// </summary>
public sealed class ApiKey
{
    public const string KeyPrefix = "wpk_";

    public int Id { get; set; }

    public int AccountId { get; set; }

    public Account Account { get; set; } = default!;

    /// <summary>What the key is for, as its owner named it.</summary>
    public required string Name { get; set; }

    /// <summary>The first characters of the key, so a person can tell keys apart.</summary>
    public required string Hint { get; set; }

    /// <summary>Lowercase hex SHA-256 of the key.</summary>
    public required string Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
