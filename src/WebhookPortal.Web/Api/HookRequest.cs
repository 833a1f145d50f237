using System.ComponentModel;
using System.Text.Json;
using WebhookPortal.Core.Hooks;

namespace WebhookPortal.Web.Api;

/// <summary>The body of <c>POST /api/hooks</c> and <c>PUT /api/hooks/{name}</c>.</summary>
/// <param name="Name">Required on create; on update it may be left out, and must otherwise be the hook's own name.</param>
/// <param name="Description">What the event means.</param>
/// <param name="ProvidedFields">Dotted paths; only these reach listeners.</param>
/// <param name="SamplePayload">A JSON object (or JSON text in a string) holding only provided fields; left out, one is built from the fields.</param>
public sealed record HookRequest(
    [property: Description("Lowercase dotted words (invoice.sent). Required on create; on update it may be left out.")] string? Name,
    [property: Description("What the event means, at most 2000 characters.")] string? Description,
    [property: Description("1 to 100 dotted paths; only these reach listeners.")] IReadOnlyList<string>? ProvidedFields,
    [property: Description("A JSON object (or JSON text in a string) holding only provided fields; built from the fields when left out.")]
    JsonElement? SamplePayload)
{
    public HookDefinition ToDefinition() => new()
    {
        Name = Name,
        Description = Description,
        ProvidedFields = ProvidedFields,
        SamplePayload = SamplePayload switch
        {
            null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
            { ValueKind: JsonValueKind.String } text => text.GetString(),
            { } json => json.GetRawText(),
        },
    };
}
