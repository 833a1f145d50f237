using System.Text.Json;
using WebhookPortal.Core.Hooks;

namespace WebhookPortal.Web.Api;

/// <summary>A hook as the REST API shows it.</summary>
public sealed record HookResponse(
    string Name,
    string Description,
    HookSource Source,
    string? EntityName,
    EntityChangeKind? EntityChange,
    IReadOnlyList<string> ProvidedFields,
    JsonElement SamplePayload,
    DateTimeOffset CreatedAt)
{
    public static HookResponse From(Hook hook)
    {
        using var sample = JsonDocument.Parse(hook.SamplePayload);
        return new HookResponse(hook.Name, hook.Description, hook.Source, hook.EntityName, hook.EntityChange,
            hook.ProvidedFields, sample.RootElement.Clone(), hook.CreatedAt);
    }
}
