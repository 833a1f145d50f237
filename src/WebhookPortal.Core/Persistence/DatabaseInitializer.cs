using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Demo;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Hooks;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Core.Persistence;

/// <summary>
/// Opens and migrates the database before anything else starts (in <see cref="StartingAsync"/>,
/// which runs before any hosted service's <c>StartAsync</c>, the web server's included), adds the demo
/// hooks on the first start, brings the hooks registered in code into the hooks table, and then (first
/// start only), once the host runs and its server's address is known, adds the demo listeners for the
/// built-in receiver and their events.
/// A process may call <see cref="InitializeAsync"/> itself before starting the host, to report a failure
/// plainly; the work is then not repeated.
/// </summary>
public sealed class DatabaseInitializer(
    IServiceProvider services,
    IDbContextFactory<PortalDbContext> contextFactory,
    IOptions<PortalOptions> portalOptions,
    HookRegistry registry,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger) : IHostedLifecycleService
{
    private readonly SemaphoreSlim once = new(1, 1);
    private bool initialized;
    private bool demoTrafficDue;

    public Task StartingAsync(CancellationToken cancellationToken) => InitializeAsync(cancellationToken);

    /// <summary>Migrates and seeds once; later calls return at once.</summary>
    /// <exception cref="DatabaseStartupException">The file cannot be opened or migrated.</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await once.WaitAsync(cancellationToken);
        try
        {
            if (!initialized)
            {
                await MigrateAndSeedAsync(cancellationToken);
                initialized = true;
            }
        }
        finally
        {
            once.Release();
        }
    }

    private async Task MigrateAndSeedAsync(CancellationToken cancellationToken)
    {
        // Resolved here, not injected, so a bad connection string fails start-up with its own message.
        PortalDatabaseLocation location;
        try
        {
            location = services.GetRequiredService<PortalDatabaseLocation>();
        }
        catch (DatabaseStartupException e)
        {
            logger.LogCritical("{Problem}", e.Message);
            throw;
        }

        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            await EnableWriteAheadLogAsync(db, cancellationToken);
            var firstStart = !(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
            await db.Database.MigrateAsync(cancellationToken);
            // Fresh statistics let SQLite pick the right index; the limit keeps this to milliseconds on a large file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit = 1000; ANALYZE;", cancellationToken);
            logger.LogInformation("Portal database ready at {DatabasePath}", location.FilePath);

            if (firstStart && portalOptions.Value.SeedDemoData)
            {
                // A demo hook the code registers itself is left to the registration.
                db.Hooks.AddRange(DemoData.Hooks(clock.GetUtcNow()).Where(h => !registry.IsRegistered(h.Name)));
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Added the demo hooks to the new database");
            }

            var (added, updated) = await HookRegistrySync.SyncAsync(db, registry, clock.GetUtcNow(), cancellationToken);
            if (added + updated > 0)
            {
                logger.LogInformation("Hooks registered in code: {AddedCount} added, {UpdatedCount} updated", added, updated);
            }

            await services.GetRequiredService<AdminBootstrap>().EnsureAsync(cancellationToken);

            // The demo listeners and their events follow in StartedAsync, when the server's real address is known.
            demoTrafficDue = firstStart && portalOptions.Value.SeedDemoData;
        }
        catch (DatabaseStartupException e)
        {
            logger.LogCritical("{Problem}", e.Message);
            throw;
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or DbUpdateException or IOException)
        {
            var failure = new DatabaseStartupException(
                $"Cannot open or migrate the portal database at '{location.FilePath}': {Describe(e)}", e);
            logger.LogCritical("{Problem}", failure.Message);
            throw failure;
        }
    }

    private static async Task EnableWriteAheadLogAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        var mode = (string?)await command.ExecuteScalarAsync(cancellationToken);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"the file does not accept write-ahead logging (journal mode is '{mode}')");
        }
    }

    private static string Describe(Exception e) => e.InnerException is SqliteException inner ? inner.Message : e.Message;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// After the first start's seeding, adds the demo listeners and publishes their events now that every service
    /// runs, the web server included: the listeners point at this portal's receiver at the address the server really
    /// listens on (a port 0 in <c>Urls</c> has its port only now), and the dispatcher sends at once. Demo data never
    /// stops the portal from starting.
    /// </summary>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!demoTrafficDue)
        {
            return;
        }

        demoTrafficDue = false;
        try
        {
            // After the hook sync, so the demo finds person.saved, which the code registers.
            var baseUrl = PortalBaseUrl.Resolve(
                services.GetRequiredService<IConfiguration>()[$"{PortalOptions.SectionName}:{nameof(PortalOptions.BaseUrl)}"],
                services.GetRequiredService<ServerAddresses>().Current, portalOptions.Value.BaseUrl);
            var listeners = await DemoDeliveries.AddListenersAsync(services.GetRequiredService<ListenerService>(), baseUrl, cancellationToken);
            logger.LogInformation("Added {ListenerCount} demo listeners pointing at the built-in receiver {ReceiverUrl}", listeners, $"{baseUrl}/receiver");
            var events = await DemoDeliveries.PublishEventsAsync(services.GetRequiredService<EventPublisher>(), cancellationToken);
            logger.LogInformation("Published {EventCount} demo events for the demo listeners", events);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            logger.LogWarning(e, "The demo listeners and events could not be added");
        }
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
