namespace WebhookPortal.Core.Accounts;

/// <summary>A key the portal generates for itself and keeps in the database, such as the one that signs customer links.</summary>
public sealed class PortalKey
{
    public required string Name { get; set; }

    /// <summary>Base64 of random bytes.</summary>
    public required string Value { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
