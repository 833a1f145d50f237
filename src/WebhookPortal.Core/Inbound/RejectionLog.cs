using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Inbound;

/// <summary>
/// Stores a rejection and, in the same transaction, removes the source's oldest beyond the limit, so a
/// flood of forged requests costs a bounded number of rows however long it lasts.
/// </summary>
internal static class RejectionLog
{
    public static async Task AddAsync(PortalDbContext db, InboundRejection rejection, int keep, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.InboundRejections.Add(rejection);
        await db.SaveChangesAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            DELETE FROM inbound_rejections
            WHERE source_id = {rejection.SourceId}
              AND id < (SELECT id FROM inbound_rejections WHERE source_id = {rejection.SourceId}
                        ORDER BY id DESC LIMIT 1 OFFSET {keep - 1})
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
