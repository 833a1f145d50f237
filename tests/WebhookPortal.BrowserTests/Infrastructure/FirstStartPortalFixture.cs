namespace WebhookPortal.BrowserTests.Infrastructure;

/// <summary>A portal started as a newcomer starts it: no first admin password set, so one is generated and saved.</summary>
public sealed class FirstStartPortalFixture : PortalBrowserFixture
{
    protected override string[] ServerArgs => ["--Portal:BootstrapAdmin:Password="];
}
