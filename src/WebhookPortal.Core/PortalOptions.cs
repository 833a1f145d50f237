namespace WebhookPortal.Core;

/// <summary>The <c>Portal</c> section: behaviour of the portal as a whole.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>On the first start with an empty database, add the demo hooks.</summary>
    public bool SeedDemoData { get; set; } = true;
}
