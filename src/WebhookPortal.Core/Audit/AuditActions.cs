namespace WebhookPortal.Core.Audit;

/// <summary>The actions the audit trail records, as stored.</summary>
public static class AuditActions
{
    public const string ListenerCreated = "listener.created";
    public const string ListenerUpdated = "listener.updated";
    public const string ListenerDeleted = "listener.deleted";
    public const string ListenerEnabled = "listener.enabled";
    public const string ListenerDisabled = "listener.disabled";
    public const string SecretRevealed = "listener.secret-revealed";
    public const string SecretRotated = "listener.secret-rotated";
    public const string HookCreated = "hook.created";
    public const string HookUpdated = "hook.updated";
    public const string HookDeleted = "hook.deleted";
    public const string DeliveryReplayed = "delivery.replayed";
    public const string BulkReplayStarted = "delivery.bulk-replay";
    public const string AccountCreated = "account.created";
    public const string AccountUpdated = "account.updated";
    public const string AccountDeleted = "account.deleted";
    public const string PasswordChanged = "account.password-changed";
    public const string ApiKeyCreated = "api-key.created";
    public const string ApiKeyRevoked = "api-key.revoked";
    public const string LinkCreated = "customer-link.created";
    public const string LinksRevoked = "customer-link.revoked-all";
    public const string SignInFailed = "sign-in.failed";
    public const string AccountLockedOut = "sign-in.locked-out";
    public const string DatabaseBackedUp = "database.backed-up";

    public static readonly IReadOnlyList<string> All =
    [
        ListenerCreated, ListenerUpdated, ListenerDeleted, ListenerEnabled, ListenerDisabled, SecretRevealed, SecretRotated,
        HookCreated, HookUpdated, HookDeleted, DeliveryReplayed, BulkReplayStarted, AccountCreated, AccountUpdated, AccountDeleted, PasswordChanged,
        ApiKeyCreated, ApiKeyRevoked, LinkCreated, LinksRevoked, SignInFailed, AccountLockedOut, DatabaseBackedUp,
    ];
}
