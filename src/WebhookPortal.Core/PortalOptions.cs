namespace WebhookPortal.Core;

/// <summary>The <c>Portal</c> section: behaviour of the portal as a whole.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>
    /// On the first start with an empty database, add the portal-defined demo hook; the web host also
    /// registers the demo's entity hooks in code only while this is true.
    /// </summary>
    public bool SeedDemoData { get; set; } = true;
}
