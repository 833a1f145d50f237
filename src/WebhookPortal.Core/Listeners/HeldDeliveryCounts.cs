using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Listeners;

/// <summary>
/// How many deliveries wait, held, for each of several listeners: the listener grid asks once per page
/// in one grouped query rather than once per row.
/// </summary>
public sealed class HeldDeliveryCounts(IDbContextFactory<PortalDbContext> contextFactory)
{
    /// <summary>The waiting count per listener id; a listener with none is left out.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ForListenersAsync(
        IReadOnlyCollection<string> listenerIds, CancellationToken cancellationToken)
    {
        if (listenerIds.Count == 0)
        {
            return new Dictionary<string, int>();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Deliveries.AsNoTracking()
            .Where(d => listenerIds.Contains(d.ListenerId) && d.Held && d.Status == DeliveryStatus.Pending)
            .GroupBy(d => d.ListenerId)
            .Select(g => new { ListenerId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.ListenerId, x => x.Count, cancellationToken);
    }
}
