using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// The delivery log: every delivery newest first, narrowed in SQL and read one page at a time, scoped
/// to what the actor may see (a customer sees only its own listeners' deliveries; another's is "not found").
/// </summary>
public sealed class DeliveryLog(IDbContextFactory<PortalDbContext> contextFactory)
{
    public const int MaxPageSize = 200;

    public async Task<PagedResult<DeliveryLogRow>> ListAsync(
        Actor actor, DeliveryFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var snapshot = await ReadSnapshot.BeginAsync(db, cancellationToken); // the count and the page agree
        var rows = Matching(db, actor, filter);
        var total = await rows.CountAsync(cancellationToken);
        var items = await Rows(rows.OrderByDescending(d => d.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize)))
            .ToListAsync(cancellationToken);
        return new PagedResult<DeliveryLogRow>(items, total);
    }

    public async Task<DeliveryDetails?> FindAsync(Actor actor, string id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var snapshot = await ReadSnapshot.BeginAsync(db, cancellationToken);
        var scoped = Matching(db, actor, new DeliveryFilter()).Where(d => d.Id == id);
        var found = await scoped.Select(d => new { Row = d, d.Event.Payload }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var row = await Rows(scoped).SingleAsync(cancellationToken);
        var attempts = await db.DeliveryAttempts.AsNoTracking().Where(a => a.DeliveryId == id).OrderBy(a => a.Number).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return new DeliveryDetails(row, found.Payload, found.Row.CompletedAt, found.Row.NextTrigger, found.Row.NextTriggeredBy, attempts);
    }

    /// <summary>Replay makes sense for a finished delivery whose listener still exists.</summary>
    public static bool IsReplayable(DeliveryStatus status, bool listenerDeleted) =>
        status is DeliveryStatus.Succeeded or DeliveryStatus.Failed && !listenerDeleted;

    /// <summary>The deliveries the filter and the actor's scope allow, in no order.</summary>
    internal static IQueryable<Delivery> Matching(PortalDbContext db, Actor actor, DeliveryFilter filter)
    {
        // Deliveries outlive their listener's soft delete: the log keeps showing them.
        var rows = db.Deliveries.AsNoTracking().IgnoreQueryFilters();
        if (actor.OnlyOwner is { } owner)
        {
            rows = rows.Where(d => d.Listener.OwnerAccountId == owner);
        }

        if (filter.OwnerAccountId is { } ownerFilter)
        {
            rows = rows.Where(d => d.Listener.OwnerAccountId == ownerFilter);
        }

        if (!string.IsNullOrWhiteSpace(filter.Hook))
        {
            var hook = filter.Hook.Trim();
            rows = rows.Where(d => d.Listener.Hook.Name == hook);
        }

        if (!string.IsNullOrWhiteSpace(filter.ListenerId))
        {
            var listenerId = filter.ListenerId.Trim();
            rows = rows.Where(d => d.ListenerId == listenerId);
        }

        if (!string.IsNullOrWhiteSpace(filter.EventId))
        {
            var eventId = filter.EventId.Trim();
            rows = rows.Where(d => d.EventId == eventId);
        }

        if (filter.Status is { } status)
        {
            rows = rows.Where(d => d.Status == status);
        }

        if (filter.HttpStatus is { } httpStatus)
        {
            rows = rows.Where(d => d.LastResponseStatus == httpStatus);
        }

        // Ids grow with the time they were made, so a time range is an id range the primary key serves.
        if (filter.Since is { } since)
        {
            var lowest = SortableId.Lowest(Delivery.IdPrefix, since);
            rows = rows.Where(d => string.Compare(d.Id, lowest) >= 0);
        }

        if (filter.Until is { } until)
        {
            var highest = SortableId.Lowest(Delivery.IdPrefix, until);
            rows = rows.Where(d => string.Compare(d.Id, highest) < 0);
        }

        if (!string.IsNullOrWhiteSpace(filter.UrlContains))
        {
            var pattern = "%" + LikePattern.Escape(filter.UrlContains.Trim()) + "%";
            rows = rows.Where(d => EF.Functions.Like(d.Listener.Url, pattern, LikePattern.EscapeCharacter));
        }

        return rows;
    }

    private static IQueryable<DeliveryLogRow> Rows(IQueryable<Delivery> deliveries) =>
        deliveries.Select(d => new DeliveryLogRow(
            d.Id, d.EventId, d.Listener.Hook.Name, d.ListenerId, d.Listener.Url, d.Listener.DeletedAt != null,
            d.Listener.OwnerAccountId == null ? null : d.Listener.Owner!.Email,
            d.Status, d.Held, d.AttemptCount, d.LastResponseStatus, d.CreatedAt, d.LastAttemptAt, d.NextAttemptAt));
}
