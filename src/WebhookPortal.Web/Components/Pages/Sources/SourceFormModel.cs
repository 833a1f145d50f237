using WebhookPortal.Core.Inbound;

namespace WebhookPortal.Web.Components.Pages.Sources;

/// <summary>The source form's editable state; turned into an <see cref="InboundSourceInput"/> on save.</summary>
public sealed class SourceFormModel
{
    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public InboundScheme Scheme { get; set; } = InboundScheme.StandardWebhooks;

    /// <summary>Empty: keep the stored secret (or, for a new Standard Webhooks source, let the portal make one).</summary>
    public string Secret { get; set; } = "";

    public string HeaderName { get; set; } = "";

    public string? Hook { get; set; }

    public bool Enabled { get; set; } = true;

    public static SourceFormModel From(InboundSource source) => new()
    {
        Name = source.Name,
        Description = source.Description,
        Scheme = source.Scheme,
        HeaderName = source.HeaderName ?? "",
        Hook = source.Hook.Name,
        Enabled = source.Enabled,
    };

    // A header name only means something to the shared-secret scheme; left over from another choice, it is not sent.
    public InboundSourceInput ToInput() => new(
        Name, Description, Scheme.ToString(), Secret, Scheme == InboundScheme.SharedSecret ? HeaderName : null, Hook, Enabled);
}
