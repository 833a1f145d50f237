using WebhookPortal.Core.Hooks;
using WebhookPortal.Web.Components.Shared;

namespace WebhookPortal.Web.Components.Pages.Hooks;

/// <summary>What the hook form edits: text as typed, one row per provided field. The service checks it on save.</summary>
public sealed class HookFormModel
{
    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public List<FieldRow> Fields { get; set; } = [new FieldRow()];

    public string SamplePayload { get; set; } = "";

    public static HookFormModel From(Hook hook) => new()
    {
        Name = hook.Name,
        Description = hook.Description,
        Fields = hook.ProvidedFields.Select(f => new FieldRow { Path = f }).ToList(),
        SamplePayload = JsonText.Indent(hook.SamplePayload),
    };

    /// <summary>Fills the sample with a placeholder for every field typed so far.</summary>
    public void BuildSample() => SamplePayload = JsonText.Indent(HookSample.Build(Fields.Select(f => f.Path)));

    // Every row is sent, empty ones too, so that the service's providedFields[i] is the form's row i.
    public HookDefinition ToDefinition() => new()
    {
        Name = Name,
        Description = Description,
        ProvidedFields = Fields.Select(f => f.Path).ToList(),
        SamplePayload = SamplePayload,
    };

    public sealed class FieldRow
    {
        public string Path { get; set; } = "";
    }
}
