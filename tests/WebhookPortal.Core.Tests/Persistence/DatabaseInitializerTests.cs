using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebhookPortal.Core.Persistence;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Persistence;

public sealed class DatabaseInitializerTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task Start_AppliesEveryMigrationInWalMode_WhenTheFileIsNew()
    {
        using var host = CoreHost.Build(folder);
        await host.StartAsync();

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.True(File.Exists(folder.File("portal.db")));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal("wal", await ScalarAsync(folder.File("portal.db"), "PRAGMA journal_mode;"));
        Assert.Equal("hooks", await ScalarAsync(folder.File("portal.db"),
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'hooks';"));
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_SeedsTheDemoHooksOnce_WhenTheDatabaseIsNew()
    {
        // The person hooks are not seeded: the web host registers them in code (HookRegistrySyncTests).
        await CoreHost.StartAndStopAsync(folder);
        Assert.Equal(["order.paid"], await HookNamesAsync());

        // An admin who removed the demo hooks (after what uses them: the demo's listener and events) does not get them back.
        await ExecuteAsync(folder.File("portal.db"),
            "DELETE FROM deliveries; DELETE FROM events; DELETE FROM listeners; DELETE FROM hooks WHERE name = 'order.paid';");
        await CoreHost.StartAndStopAsync(folder);
        Assert.Empty(await HookNamesAsync());
    }

    [Fact]
    public async Task Start_AddsNoDemoHooks_WhenSeedingIsTurnedOff()
    {
        await CoreHost.StartAndStopAsync(folder, ("Portal:SeedDemoData", "false"));
        Assert.Empty(await HookNamesAsync());
    }

    [Fact]
    public async Task Start_FailsNamingThePathAndCause_WhenTheFileIsNotADatabase()
    {
        var path = folder.File("portal.db");
        await File.WriteAllTextAsync(path, new string('x', 8192));

        var failure = await Assert.ThrowsAsync<DatabaseStartupException>(() => CoreHost.StartAndStopAsync(folder));

        Assert.Contains(path, failure.Message);
        Assert.Contains("file is not a database", failure.Message);
        Assert.Equal(new string('x', 8192), await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Start_FailsNamingThePath_WhenTheFolderCannotBeCreated()
    {
        var blocker = folder.File("not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where the database folder should be");

        var failure = await Assert.ThrowsAsync<DatabaseStartupException>(() =>
            CoreHost.StartAndStopAsync(folder, ("ConnectionStrings:Portal", $"Data Source={blocker}/portal.db")));

        Assert.Contains($"{blocker}/portal.db", failure.Message);
        Assert.Contains("cannot be created", failure.Message);
    }

    private async Task<List<string>> HookNamesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={folder.File("portal.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM hooks ORDER BY name;";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    internal static async Task<string?> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
