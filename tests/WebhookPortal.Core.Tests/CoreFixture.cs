using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebhookPortal.Core.Demo;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Filters;
using WebhookPortal.Core.Hooks;
using WebhookPortal.Core.Listeners;
using WebhookPortal.Core.Persistence;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests;

/// <summary>
/// Core on a fresh database holding one portal-defined hook, <c>member.joined</c>, and the demo's
/// entity hooks <c>person.saved</c> and <c>person.deleted</c> registered in code, with a manual clock.
/// </summary>
internal sealed class CoreFixture : IAsyncDisposable
{
    public const string HookName = "member.joined";

    private readonly TempFolder folder;

    private CoreFixture(TempFolder folder, IHost host, TimeProvider time)
    {
        this.folder = folder;
        Host = host;
        Time = time;
    }

    public IHost Host { get; }

    /// <summary>The folder of the database file, for a second host on the same database.</summary>
    public TempFolder Folder => folder;

    /// <summary>The clock Core reads: a <see cref="ManualClock"/> unless the fixture was started on another.</summary>
    public TimeProvider Time { get; }

    public ManualClock Clock => (ManualClock)Time;

    public ListenerService Listeners => Host.Services.GetRequiredService<ListenerService>();

    public static Task<CoreFixture> StartAsync(params (string Key, string? Value)[] settings) =>
        StartAsync(new ManualClock(), settings);

    public static Task<CoreFixture> StartAsync(TimeProvider clock, params (string Key, string? Value)[] settings) =>
        StartAsync(clock, services: null, settings);

    public static async Task<CoreFixture> StartAsync(
        TimeProvider clock, Action<IServiceCollection>? services, params (string Key, string? Value)[] settings)
    {
        var folder = new TempFolder();
        var host = CoreHost.Build(folder, clock, RegisterPersonHooks, services, [("Portal:SeedDemoData", "false"), .. settings]);
        await host.StartAsync();
        var fixture = new CoreFixture(folder, host, clock);
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

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    private static void RegisterPersonHooks(HookRegistry hooks) => hooks
        .OnEntity<Person>(EntityChangeKind.Saved, "person.saved", "A person was saved.", ["id", "name", "address"])
        .OnEntity<Person>(EntityChangeKind.Deleted, "person.deleted", "A person was deleted.", ["id", "name", "address"]);

    /// <summary>Publishes one event of <see cref="HookName"/> through the API's path, as an application would.</summary>
    public async Task<PublishedEvent> PublishAsync(string payload = """{"id":1}""") =>
        (await Get<EventPublisher>().PublishAsync(
            new PublishRequest(HookName, System.Text.Json.JsonDocument.Parse(payload).RootElement, EventOrigin.Api), default)).Value!;

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
