using WebhookPortal.Core.Filters;
using WebhookPortal.Core.Hooks;

namespace WebhookPortal.Core.Listeners;

/// <summary>
/// A destination for one hook's events: a URL, the filters an event must pass, and how its
/// deliveries are signed.
/// </summary>
public sealed class Listener
{
    public const string IdPrefix = "lst";

    /// <summary><c>lst_</c> and a sortable unique id.</summary>
    public required string Id { get; set; }

    public int HookId { get; set; }

    public Hook Hook { get; set; } = default!;

    public required string Url { get; set; }

    public string Description { get; set; } = "";

    /// <summary>The customer account that owns the listener; empty until an admin sets one.</summary>
    public int? OwnerAccountId { get; set; }

    public Accounts.Account? Owner { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>Why the listener was disabled (by an admin or by its health), shown in the portal.</summary>
    public string? DisabledReason { get; set; }

    public DateTimeOffset? DisabledAt { get; set; }

    public int ConsecutiveFailures { get; set; }

    public DateTimeOffset? FailingSince { get; set; }

    /// <summary>The signing secret: <c>whsec_</c> and base64 of 32 random bytes.</summary>
    public required string Secret { get; set; }

    /// <summary>The secret before the last rotation, still signed with until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousSecret { get; set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }

    public List<ListenerHeader> Headers { get; set; } = new();

    /// <summary>The conditions an event must meet, ANDed, in the order the admin gave them.</summary>
    public List<MatchFilter> Filters { get; set; } = new();

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// When an admin deleted it. A deleted listener is hidden everywhere and receives nothing, but its row
    /// stays so the delivery log keeps its history.
    /// </summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>Grows with every change: guards against lost updates and keys the compiled-filter cache.</summary>
    public int Version { get; set; }
}
