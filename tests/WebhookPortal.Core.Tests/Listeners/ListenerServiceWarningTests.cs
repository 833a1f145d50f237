using WebhookPortal.Core.Accounts;
using System.Net;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Listeners;

/// <summary>Saving a listener says when deliveries to its URL would be refused, and saves it all the same.</summary>
public sealed class ListenerServiceWarningTests : IAsyncLifetime
{
    private CoreFixture fixture = default!;

    public async Task InitializeAsync()
    {
        fixture = await CoreFixture.StartAsync(("Delivery:AllowPrivateNetworks", "false"));
        fixture.Get<StubHostResolver>()
            .Answer("crm.internal.example", [IPAddress.Parse("192.168.1.20")])
            .Answer("hooks.public.example", [IPAddress.Parse("93.184.216.34")]);
    }

    public async Task DisposeAsync() => await fixture.DisposeAsync();

    [Fact]
    public async Task Create_SavesAndWarns_WhenTheHostResolvesToAPrivateAddress()
    {
        var result = await fixture.Listeners.CreateAsync(Actor.System, CoreFixture.Input(url: "https://crm.internal.example/hook"), default);

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Value.Warnings);
        Assert.StartsWith("Deliveries to this URL will be refused: crm.internal.example resolves to 192.168.1.20, a private network address", warning);
        Assert.Equal(result.Value.Warnings, result.Warnings);
        Assert.NotNull(await fixture.Listeners.FindAsync(Actor.System, result.Value.Listener.Id, default));
    }

    [Fact]
    public async Task Create_HasNoWarning_WhenTheHostResolvesToAPublicAddress()
    {
        var result = await fixture.Listeners.CreateAsync(Actor.System, CoreFixture.Input(url: "https://hooks.public.example/hook"), default);

        Assert.Empty(result.Value!.Warnings);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task Update_SavesAndWarns_WhenTheNewUrlIsALoopbackAddress()
    {
        var created = await fixture.Listeners.CreateAsync(Actor.System, CoreFixture.Input(url: "https://hooks.public.example/hook"), default);

        var result = await fixture.Listeners.UpdateAsync(Actor.System, created.Value!.Listener.Id, CoreFixture.Input(url: "http://127.0.0.1:8080/hook"), default);

        Assert.True(result.Succeeded);
        Assert.Equal("http://127.0.0.1:8080/hook", result.Value.Url);
        Assert.Contains("127.0.0.1 is a loopback address", Assert.Single(result.Warnings));
    }

    [Fact]
    public async Task Update_HasNoWarning_WhenItFails()
    {
        var result = await fixture.Listeners.UpdateAsync(Actor.System, "lst_missing", CoreFixture.Input(url: "http://127.0.0.1/hook"), default);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Warnings);
    }
}
