using System.ComponentModel.DataAnnotations;

namespace WebhookPortal.Core;

/// <summary>The <c>Portal</c> section: behaviour of the portal as a whole.</summary>
public sealed class PortalOptions : IValidatableObject
{
    public const string SectionName = "Portal";

    /// <summary>
    /// On the first start with an empty database, add the portal-defined demo hook, and the demo listeners
    /// and events for the built-in receiver; the web host also registers the demo's entity hooks in code
    /// only while this is true.
    /// </summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>
    /// The portal's own address as the portal itself reaches it, for URLs that point back at it (the demo
    /// listeners' receiver). Empty: the first address of the <c>Urls</c> setting, a wildcard host read as
    /// <c>localhost</c> (see <see cref="PortalBaseUrl"/>).
    /// </summary>
    public string BaseUrl { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl.Length > 0 && !PortalBaseUrl.IsValid(BaseUrl))
        {
            yield return new ValidationResult(
                $"Portal:BaseUrl is '{BaseUrl}', which is not an absolute http or https address such as http://localhost:5000.",
                [nameof(BaseUrl)]);
        }
    }
}
