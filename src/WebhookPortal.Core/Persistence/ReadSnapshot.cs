using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace WebhookPortal.Core.Persistence;

/// <summary>
/// A read-only transaction, so that several queries see the database as of one moment: a delivery read with its
/// attempts never shows an attempt without the outcome committed with it. On SQLite it is a deferred transaction
/// (a WAL snapshot, no write lock); on PostgreSQL it would be REPEATABLE READ. Dispose it before the context.
/// </summary>
internal sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly PortalDbContext db;
    private readonly SqliteTransaction transaction;

    private ReadSnapshot(PortalDbContext db, SqliteTransaction transaction) => (this.db, this.transaction) = (db, transaction);

    public static async Task<ReadSnapshot> BeginAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        return new ReadSnapshot(db, transaction);
    }

    public async ValueTask DisposeAsync()
    {
        // The context does not own a transaction it was handed: end it here, or the pooled connection keeps it.
        await db.Database.UseTransactionAsync(null);
        await transaction.DisposeAsync();
        await db.Database.CloseConnectionAsync();
    }
}
