using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebhookPortal.Core.Filters;
using WebhookPortal.Core.Hooks;
using WebhookPortal.Core.Listeners;
using WebhookPortal.Core.Persistence;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Listeners;

/// <summary>Core on a fresh database holding one hook, <c>member.joined</c>, for listener tests.</summary>
internal sealed class ListenerFixture : IAsyncDisposable
{
    public const string HookName = "member.joined";

    private readonly TempFolder folder;

    private ListenerFixture(TempFolder folder, IHost host, ManualClock clock)
    {
        this.folder = folder;
        Host = host;
        Clock = clock;
    }

    public IHost Host { get; }

    public ManualClock Clock { get; }

    public ListenerService Listeners => Host.Services.GetRequiredService<ListenerService>();

    public static async Task<ListenerFixture> StartAsync(params (string Key, string? Value)[] settings)
    {
        var clock = new ManualClock();
        var folder = new TempFolder();
        var host = CoreHost.Build(folder, clock, [("Portal:SeedDemoData", "false"), .. settings]);
        await host.StartAsync();
        var fixture = new ListenerFixture(folder, host, clock);
        await using var db = await fixture.ContextAsync();
        db.Hooks.Add(new Hook
        {
            Name = HookName,
            Source = HookSource.Api,
            ProvidedFields = ["id", "name", "customer.email", "amount", "tags"],
            SamplePayload = """{"id":7,"name":"Jane","customer":{"email":"jane@example.com"},"amount":120,"tags":["vip"]}""",
        });
        await db.SaveChangesAsync();
        return fixture;
    }

    public Task<PortalDbContext> ContextAsync() =>
        Host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    public static ListenerInput Input(
        string url = "https://example.com/hook",
        IReadOnlyList<MatchFilter>? filters = null,
        IReadOnlyList<ListenerHeader>? headers = null,
        string hook = HookName,
        bool enabled = true,
        int? version = null) =>
        new(hook, url, "Sends members to the CRM", enabled, headers ?? [], filters ?? [], version);

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
