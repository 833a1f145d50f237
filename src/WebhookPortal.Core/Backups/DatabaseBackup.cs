using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Audit;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Backups;

/// <summary>
/// Copies the live database with SQLite's online backup API while the portal runs: the copy reads one
/// consistent snapshot (the database is in WAL mode, so deliveries go on being written meanwhile) and is
/// checked before it gets its final name, so a file named <c>portal-*.db</c> is always a whole database.
/// </summary>
public sealed class DatabaseBackup(
    PortalDatabaseLocation location,
    IOptions<BackupOptions> options,
    IDbContextFactory<PortalDbContext> contextFactory,
    TimeProvider clock,
    ILogger<DatabaseBackup> logger)
{
    private const string Prefix = "portal-";
    private const string Extension = ".db";

    /// <summary>The folder backups go to when no file is named.</summary>
    public string Folder => Path.GetFullPath(options.Value.Folder, Path.GetDirectoryName(location.FilePath)!);

    /// <summary>
    /// Backs the database up to <paramref name="destination"/>, or when null to a new time-stamped file in
    /// <c>Backup:Folder</c> (then removing the oldest past <c>Backup:Keep</c>). Admins only; audited unless the
    /// portal itself asks (the command line).
    /// </summary>
    public async Task<ServiceResult<BackupResult>> CreateAsync(Actor actor, string? destination, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return ServiceError.Forbidden("Only admins back up the database.");
        }

        var now = clock.GetUtcNow();
        var target = destination is null ? NewFileInFolder(now) : Path.GetFullPath(destination);
        if (Directory.Exists(target))
        {
            return ServiceError.Conflict("That is a folder", $"'{target}' is a folder. Name the backup file in it, such as '{Path.Combine(target, "portal.db")}'.");
        }

        if (File.Exists(target))
        {
            return ServiceError.Conflict("The backup file exists", $"'{target}' exists already. Name a new file, or remove the old one first.");
        }

        if (Path.GetDirectoryName(target) is { } folder && !Directory.Exists(folder))
        {
            if (destination is not null)
            {
                return ServiceError.NotFound("No such folder", $"The folder '{folder}' does not exist. Create it, or name a file in an existing folder.");
            }

            Directory.CreateDirectory(folder);
        }

        var watch = Stopwatch.StartNew();
        var partial = target + ".partial";
        try
        {
            await Task.Run(() => Copy(partial), cancellationToken);
            File.Move(partial, target);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            TryDelete(partial);
            logger.LogError(e, "The backup to {BackupFile} failed", target);
            return ServiceError.Conflict("The backup failed", $"Copying the database to '{target}' failed: {e.Message}");
        }

        var removed = destination is null ? Prune() : [];
        var result = new BackupResult(target, new FileInfo(target).Length, watch.Elapsed, removed);
        logger.LogInformation("Database backed up to {BackupFile} ({SizeBytes} bytes in {ElapsedMilliseconds} ms); {RemovedCount} old backups removed",
            target, result.SizeBytes, (long)result.Duration.TotalMilliseconds, removed.Count);
        if (actor != Actor.System)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            AuditTrail.Add(db, actor, now, AuditActions.DatabaseBackedUp, "database", Path.GetFileName(target),
                $"Backed up the database to {target} ({result.SizeBytes} bytes).");
            await db.SaveChangesAsync(cancellationToken);
        }

        return ServiceResult<BackupResult>.Ok(result);
    }

    private void Copy(string partial)
    {
        TryDelete(partial);
        using var source = new SqliteConnection(location.ConnectionString);
        using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString());
        source.Open();
        copy.Open();
        source.BackupDatabase(copy);

        // A copy that does not pass SQLite's own check never gets the name of a backup.
        using var check = copy.CreateCommand();
        check.CommandText = "PRAGMA quick_check;";
        if (check.ExecuteScalar() is not "ok")
        {
            throw new IOException("The copy did not pass PRAGMA quick_check.");
        }
    }

    private string NewFileInFolder(DateTimeOffset now)
    {
        var stamp = now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var path = Path.Combine(Folder, $"{Prefix}{stamp}{Extension}");
        for (var n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(Folder, $"{Prefix}{stamp}-{n}{Extension}");
        }

        return path;
    }

    /// <summary>Removes the oldest backups past <c>Backup:Keep</c>; only files this service names (<c>portal-*.db</c>).</summary>
    private List<string> Prune()
    {
        if (options.Value.Keep == 0)
        {
            return [];
        }

        var old = new DirectoryInfo(Folder).GetFiles($"{Prefix}*{Extension}")
            .OrderByDescending(f => f.Name, StringComparer.Ordinal)
            .Skip(options.Value.Keep)
            .Select(f => f.FullName)
            .ToList();
        old.ForEach(TryDelete);
        return old;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the operator; the next backup tries again.
        }
    }
}
