using Microsoft.Data.Sqlite;

namespace WebhookPortal.Core.Persistence;

/// <summary>
/// Checks the database through a new, unpooled connection that may not create the file: a pooled
/// connection would keep answering from a file that was deleted or replaced underneath it.
/// </summary>
public sealed class DatabaseProbe(PortalDatabaseLocation location)
{
    public async Task<DatabaseStatus> CheckAsync(CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder(location.ConnectionString)
        {
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString();

        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            var journalMode = await ScalarAsync(connection, "PRAGMA journal_mode;", cancellationToken);
            var schema = await ScalarAsync(connection,
                "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1;", cancellationToken);
            return new DatabaseStatus(true, location.FilePath, FileSize(), journalMode, schema, null);
        }
        catch (SqliteException e)
        {
            return new DatabaseStatus(false, location.FilePath, FileSize(), null, null, e.Message);
        }
    }

    private long FileSize()
    {
        var file = new FileInfo(location.FilePath);
        var wal = new FileInfo(location.FilePath + "-wal");
        return (file.Exists ? file.Length : 0) + (wal.Exists ? wal.Length : 0);
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync(cancellationToken))?.ToString();
    }
}
