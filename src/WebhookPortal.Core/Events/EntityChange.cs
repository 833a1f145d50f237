using System.Text.Json;
using WebhookPortal.Core.Hooks;

namespace WebhookPortal.Core.Events;

/// <summary>One saved or deleted entity and the hooks it fires, noted before the save and published after it.</summary>
internal sealed record EntityChange(
    object Entity,
    IReadOnlyList<EntityHookRegistration> Hooks,
    string EntityName,
    JsonElement? PayloadBeforeDelete);
