namespace WebhookPortal.BrowserTests.Infrastructure;

/// <summary>A portal whose delivery engine runs, for what a person watches happen: attempts, replays.</summary>
public sealed class DeliveringPortalFixture : PortalBrowserFixture
{
    protected override string[] ServerArgs => ["--Delivery:Enabled=true", "--Delivery:PollSeconds=1"];
}
