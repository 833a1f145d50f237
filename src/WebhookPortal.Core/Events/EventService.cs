using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Events;

/// <summary>Reads events and their deliveries, for the portal's event pages and the REST API.</summary>
public sealed class EventService(IDbContextFactory<PortalDbContext> contextFactory)
{
    public async Task<PagedResult<EventSummary>> ListAsync(EventQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var events = db.Events.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Hook))
        {
            var hookName = query.Hook.Trim();
            var hookId = await db.Hooks.Where(h => h.Name == hookName).Select(h => (int?)h.Id).SingleOrDefaultAsync(cancellationToken);
            if (hookId is null)
            {
                return new PagedResult<EventSummary>([], 0);
            }

            events = events.Where(e => e.HookId == hookId);
        }

        if (query.Origin is { } origin)
        {
            events = events.Where(e => e.Origin == origin);
        }

        var total = await events.CountAsync(cancellationToken);
        // Ids grow with time, so the newest come first without a sort on another column.
        var items = await events.OrderByDescending(e => e.Id)
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, EventQuery.MaxPageSize))
            .Select(e => new EventSummary(e.Id, e.Hook.Name, e.Origin, e.OriginDetail, e.DeliveryCount, e.CreatedAt))
            .ToListAsync(cancellationToken);
        return new PagedResult<EventSummary>(items, total);
    }

    public async Task<EventDetails?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Events.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { e.Id, Hook = e.Hook.Name, e.Payload, e.Origin, e.OriginDetail, e.IdempotencyKey, e.CreatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        // Deleted listeners are hidden by the query filter everywhere else; an event's history still names them.
        var deliveries = await db.Deliveries.AsNoTracking().IgnoreQueryFilters().Where(d => d.EventId == id)
            .OrderBy(d => d.Id)
            .Select(d => new EventDelivery(d.Id, d.ListenerId, d.Listener.Url, d.Listener.DeletedAt != null, d.Status, d.Held,
                d.AttemptCount, d.NextAttemptAt, d.LastResponseStatus, d.CompletedAt))
            .ToListAsync(cancellationToken);
        return new EventDetails(found.Id, found.Hook, found.Payload, found.Origin, found.OriginDetail, found.IdempotencyKey,
            found.CreatedAt, deliveries);
    }
}
