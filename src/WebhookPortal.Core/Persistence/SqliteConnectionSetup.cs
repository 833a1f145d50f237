using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WebhookPortal.Core.Persistence;

/// <summary>
/// Applies the per-connection settings every time a (possibly pooled) connection opens: SQLite keeps
/// <c>busy_timeout</c> and <c>synchronous</c> per connection, unlike <c>journal_mode=WAL</c> which is
/// stored in the file.
/// </summary>
internal sealed class SqliteConnectionSetup(DatabaseOptions options) : DbConnectionInterceptor
{
    private readonly string pragmas =
        $"PRAGMA busy_timeout = {options.BusyTimeoutMilliseconds}; " +
        $"PRAGMA synchronous = {options.Synchronous.ToString().ToUpperInvariant()};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
