namespace WebhookPortal.Core.Hooks;

/// <summary>The entity change an entity hook fires on.</summary>
public enum EntityChangeKind
{
    /// <summary>The entity was added or modified.</summary>
    Saved = 0,

    /// <summary>The entity was deleted.</summary>
    Deleted = 1,
}
