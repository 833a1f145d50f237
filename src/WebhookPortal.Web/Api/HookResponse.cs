using System.Text.Json;
using WebhookPortal.Core.Hooks;

namespace WebhookPortal.Web.Api;

/// <summary>A hook as the REST API shows it.</summary>
/// <remarks>
/// <see cref="DefinedIn"/> is <c>code</c> for hooks the application registers (read-only here) and
/// <c>portal</c> for hooks defined in the portal or through the API (which PUT and DELETE can change).
/// </remarks>
public sealed record HookResponse(
    string Name,
    string Description,
    HookSource Source,
    string? EntityName,
    EntityChangeKind? EntityChange,
    IReadOnlyList<string> ProvidedFields,
    JsonElement SamplePayload,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string DefinedIn)
{
    public static HookResponse From(Hook hook)
    {
        using var sample = JsonDocument.Parse(hook.SamplePayload);
        return new HookResponse(hook.Name, hook.Description, hook.Source, hook.EntityName, hook.EntityChange,
            hook.ProvidedFields, sample.RootElement.Clone(), hook.CreatedAt, hook.UpdatedAt,
            hook.Source == HookSource.EntityChange ? "code" : "portal");
    }
}
