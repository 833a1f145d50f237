using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebhookPortal.Core.Persistence;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Persistence;

public sealed class SqliteConnectionSetupTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task EveryConnection_HasTheConfiguredBusyTimeoutAndSynchronousMode()
    {
        using var host = CoreHost.Build(folder,
            ("Database:BusyTimeoutMilliseconds", "1234"), ("Database:Synchronous", "Full"));
        await host.StartAsync();
        var factory = host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

        // Twice: the second context reuses a pooled connection, which must be set up again.
        for (var i = 0; i < 2; i++)
        {
            await using var db = await factory.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            Assert.Equal(1234L, await PragmaAsync(db, "busy_timeout"));
            Assert.Equal(2L, await PragmaAsync(db, "synchronous"));
        }

        await host.StopAsync();
    }

    private static async Task<long> PragmaAsync(PortalDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
