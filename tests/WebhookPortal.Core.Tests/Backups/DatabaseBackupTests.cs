using Microsoft.Data.Sqlite;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Backups;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Tests.Deliveries;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Backups;

/// <summary>The online backup copies the live database while deliveries are written, into a file that opens whole.</summary>
public sealed class DatabaseBackupTests
{
    [Fact]
    public async Task Backup_TakenWhileEventsArePublishedAndDelivered_OpensAndHoldsAConsistentCopy()
    {
        await using var engine = await EngineFixture.StartAsync();
        await engine.ListenerAsync("/ok");
        var before = await engine.PublishAsync();
        await engine.WaitForAsync(before.EventId, DeliveryStatus.Succeeded);

        // Publishing and delivering go on during the backup.
        using var stop = new CancellationTokenSource();
        var writes = Task.Run(async () =>
        {
            var count = 0;
            while (!stop.IsCancellationRequested && count < 2_000)
            {
                await engine.PublishAsync($$"""{"id":{{++count}},"name":"Jane"}""");
            }

            return count;
        });
        await Task.Delay(300);
        var result = await engine.Core.Get<DatabaseBackup>().CreateAsync(Actor.System, null, default);
        await stop.CancelAsync();
        var published = await writes;

        Assert.True(result.Succeeded, result.Error?.Detail);
        Assert.True(published > 0);
        Assert.StartsWith(engine.Core.Get<DatabaseBackup>().Folder, result.Value.FilePath);
        Assert.Equal(new FileInfo(result.Value.FilePath).Length, result.Value.SizeBytes);
        Assert.False(File.Exists(result.Value.FilePath + ".partial"));

        await using var copy = new SqliteConnection($"Data Source={result.Value.FilePath};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        Assert.Equal("ok", await ScalarAsync(copy, "PRAGMA integrity_check"));
        Assert.Equal(1L, await ScalarAsync(copy, $"SELECT COUNT(*) FROM events WHERE id = '{before.EventId}'"));
        Assert.Equal(1L, await ScalarAsync(copy, $"SELECT COUNT(*) FROM deliveries WHERE event_id = '{before.EventId}' AND status = 'Succeeded'"));
        Assert.True((long)(await ScalarAsync(copy, "SELECT COUNT(*) FROM events"))! > 1, "The copy holds none of the events published during the backup.");

        // One snapshot: every event in the copy has all its deliveries, every attempt its delivery.
        Assert.Equal(0L, await ScalarAsync(copy, "SELECT COUNT(*) FROM events e WHERE e.delivery_count <> (SELECT COUNT(*) FROM deliveries d WHERE d.event_id = e.id)"));
        Assert.Equal(0L, await ScalarAsync(copy, "SELECT COUNT(*) FROM delivery_attempts a WHERE NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.id = a.delivery_id)"));
    }

    [Fact]
    public async Task Backup_KeepsTheNewestBackupKeep_AndRemovesOnlyItsOwnOlderFiles()
    {
        await using var core = await CoreFixture.StartAsync(("Backup:Keep", "2"), ("Backup:Folder", "saved"));
        var backup = core.Get<DatabaseBackup>();
        Directory.CreateDirectory(backup.Folder);
        var unrelated = Path.Combine(backup.Folder, "notes.db");
        await File.WriteAllTextAsync(unrelated, "not a backup");

        var made = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            made.Add((await backup.CreateAsync(Actor.System, null, default)).Value!.FilePath);
            core.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(Path.Combine(core.Folder.Path, "saved"), backup.Folder);
        Assert.False(File.Exists(made[0]));
        Assert.True(File.Exists(made[1]) && File.Exists(made[2]));
        Assert.True(File.Exists(unrelated));
    }

    [Fact]
    public async Task Backup_IsRefused_ForSupport_ForAnExistingFile_ForAFolder_AndForAMissingFolder()
    {
        await using var core = await CoreFixture.StartAsync();
        var backup = core.Get<DatabaseBackup>();

        var support = await backup.CreateAsync(new Actor(1, "sam@example.com", AccountRole.Support), null, default);
        Assert.Equal(ServiceErrorKind.Forbidden, support.Error?.Kind);

        var existing = core.Folder.File("taken.db");
        await File.WriteAllTextAsync(existing, "");
        var taken = await backup.CreateAsync(Actor.System, existing, default);
        Assert.Equal(ServiceErrorKind.Conflict, taken.Error?.Kind);
        Assert.Contains(existing, taken.Error!.Detail);

        var folder = await backup.CreateAsync(Actor.System, core.Folder.Path, default);
        Assert.Equal(ServiceErrorKind.Conflict, folder.Error?.Kind);
        Assert.Contains("is a folder", folder.Error!.Detail);

        var nowhere = await backup.CreateAsync(Actor.System, core.Folder.File("missing/portal.db"), default);
        Assert.Equal(ServiceErrorKind.NotFound, nowhere.Error?.Kind);
        Assert.Contains("does not exist", nowhere.Error!.Detail);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
