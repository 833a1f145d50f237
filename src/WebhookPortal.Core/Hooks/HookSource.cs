namespace WebhookPortal.Core.Hooks;

/// <summary>Where a hook's events come from.</summary>
public enum HookSource
{
    /// <summary>A change to an entity of this application (registered in code).</summary>
    EntityChange = 0,

    /// <summary>Published by another system through the REST API.</summary>
    Api = 1,
}
