using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebhookPortal.Core.Demo;
using WebhookPortal.Core.Hooks;
using WebhookPortal.Core.Persistence;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Hooks;

/// <summary>At start-up the hooks registered in code are added to, and updated in, the hooks table.</summary>
public sealed class HookRegistrySyncTests : IDisposable
{
    private const string Sample = """{"id":42,"name":"Jane Doe"}""";
    private readonly TempFolder folder = new();
    private readonly ManualClock clock = new();

    [Fact]
    public async Task Start_AddsEachRegisteredHook()
    {
        await StartAndStopAsync(hooks => hooks
            .OnEntity<Person>(EntityChangeKind.Saved, "person.saved", "Saved.", ["id", "name"], Sample)
            .OnEntity<Person>(EntityChangeKind.Deleted, "person.deleted", "Deleted.", ["id"]));

        var saved = await FindAsync("person.saved");
        Assert.Equal(HookSource.EntityChange, saved!.Source);
        Assert.Equal("Person", saved.EntityName);
        Assert.Equal(EntityChangeKind.Saved, saved.EntityChange);
        Assert.Equal(["id", "name"], saved.ProvidedFields);
        Assert.Equal(Sample, saved.SamplePayload);
        Assert.Equal(clock.GetUtcNow(), saved.CreatedAt);
        Assert.Equal(EntityChangeKind.Deleted, (await FindAsync("person.deleted"))!.EntityChange);
    }

    [Fact]
    public async Task Start_UpdatesAChangedRegistration_AndKeepsItsCreationTime()
    {
        await StartAndStopAsync(hooks => hooks.OnEntity<Person>(EntityChangeKind.Saved, "person.saved", "Saved.", ["id", "name"], Sample));
        var created = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromDays(1));

        await StartAndStopAsync(hooks => hooks.OnEntity<Person>(EntityChangeKind.Deleted, "person.saved", "Now on delete.", ["id"]));

        var hook = await FindAsync("person.saved");
        Assert.Equal("Now on delete.", hook!.Description);
        Assert.Equal(EntityChangeKind.Deleted, hook.EntityChange);
        Assert.Equal(["id"], hook.ProvidedFields);
        Assert.Equal("""{"id":"<id>"}""", hook.SamplePayload);
        Assert.Equal(created, hook.CreatedAt);
        Assert.Equal(clock.GetUtcNow(), hook.UpdatedAt);
    }

    [Fact]
    public async Task Start_LeavesAnUnchangedRegistrationsTimeAlone()
    {
        void Register(HookRegistry hooks) => hooks.OnEntity<Person>(EntityChangeKind.Saved, "person.saved", "Saved.", ["id"]);
        await StartAndStopAsync(Register);
        var first = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromDays(1));

        await StartAndStopAsync(Register);

        Assert.Equal(first, (await FindAsync("person.saved"))!.UpdatedAt);
    }

    [Fact]
    public async Task Start_KeepsAHookWhoseRegistrationWasRemoved()
    {
        await StartAndStopAsync(hooks => hooks.OnEntity<Person>(EntityChangeKind.Saved, "person.saved", "Saved.", ["id"]));

        await StartAndStopAsync(_ => { });

        Assert.Equal("Saved.", (await FindAsync("person.saved"))?.Description);
    }

    [Fact]
    public async Task Start_FailsNamingTheHook_WhenAPortalHookHasARegisteredName()
    {
        await StartAndStopAsync(_ => { }, seedDemoData: true); // adds order.paid, defined in the portal

        var failure = await Assert.ThrowsAsync<DatabaseStartupException>(() => StartAndStopAsync(hooks => hooks
            .OnEntity<Person>(EntityChangeKind.Saved, "order.paid", "Clashes.", ["id"])));

        Assert.Contains("The hook 'order.paid' is registered in the application's code", failure.Message);
        Assert.Contains("Rename the registration in code, or delete the portal-defined hook", failure.Message);
        Assert.Equal(HookSource.Api, (await FindAsync("order.paid"))!.Source);
    }

    [Fact]
    public async Task Start_LeavesTheDemoHookToTheRegistration_WhenTheCodeRegistersItsName()
    {
        await StartAndStopAsync(hooks => hooks.OnEntity<Person>(EntityChangeKind.Saved, "order.paid", "From code.", ["id"]), seedDemoData: true);

        Assert.Equal(HookSource.EntityChange, (await FindAsync("order.paid"))!.Source);
    }

    private async Task StartAndStopAsync(Action<HookRegistry> hooks, bool seedDemoData = false)
    {
        using var host = CoreHost.Build(folder, clock, hooks, ("Portal:SeedDemoData", seedDemoData ? "true" : "false"));
        await host.StartAsync();
        await host.StopAsync();
    }

    private async Task<Hook?> FindAsync(string name)
    {
        using var host = CoreHost.Build(folder, clock, ("Portal:SeedDemoData", "false"));
        await host.StartAsync();
        var hook = await host.Services.GetRequiredService<HookCatalog>().FindAsync(name, default);
        await host.StopAsync();
        return hook;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
