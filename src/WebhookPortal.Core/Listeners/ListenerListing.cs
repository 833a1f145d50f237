using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Listeners;

/// <summary>
/// The listener grid's query: every filter and order runs in SQL and only one page of rows is read,
/// so it stays fast with a hundred thousand listeners (see the <c>listeners</c> benchmark).
/// </summary>
internal static class ListenerListing
{
    // Past this many matches, reading in index order and testing LIKE finds a page (and a count) sooner than
    // walking the trigram index's long list; below it, the trigram index answers in about a millisecond.
    private const int DenseMatchCount = 2_000;

    public static async Task<PagedResult<ListenerSummary>> ListAsync(
        IDbContextFactory<PortalDbContext> contextFactory, ListenerQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        int? hookId = null;
        if (!string.IsNullOrWhiteSpace(query.Hook))
        {
            var hookName = query.Hook.Trim();
            hookId = await db.Hooks.Where(h => h.Name == hookName).Select(h => (int?)h.Id).SingleOrDefaultAsync(cancellationToken);
            if (hookId is null)
            {
                return new PagedResult<ListenerSummary>([], 0);
            }
        }

        var search = query.UrlContains?.Trim() ?? "";
        var byTrigrams = search.Length >= ListenerUrlSearch.MinimumSearchLength;
        if (byTrigrams)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            var probe = await ListenerUrlSearch.CountUpToAsync(db.Database.GetDbConnection(), search, DenseMatchCount + 1, cancellationToken);
            byTrigrams = probe <= DenseMatchCount;
        }

        var rows = Matching(db, query, hookId, search, byTrigrams);
        var total = await rows.CountAsync(cancellationToken);

        var descending = query.Direction == SortDirection.Descending;
        // The id is unique and grows with time, so it breaks ties and keeps paging stable.
        var ordered = query.SortBy switch
        {
            ListenerSortField.Url => descending
                ? rows.OrderByDescending(l => l.Url).ThenByDescending(l => l.Id)
                : rows.OrderBy(l => l.Url).ThenBy(l => l.Id),
            ListenerSortField.Hook => descending
                ? rows.OrderByDescending(l => l.Hook.Name).ThenByDescending(l => l.Id)
                : rows.OrderBy(l => l.Hook.Name).ThenBy(l => l.Id),
            _ => descending ? rows.OrderByDescending(l => l.Id) : rows.OrderBy(l => l.Id),
        };

        var items = await ordered
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, ListenerQuery.MaxPageSize))
            .Select(l => new ListenerSummary(
                l.Id, l.Hook.Name, l.Url, l.Description, l.Enabled, l.DisabledReason, l.Filters, l.CreatedAt, l.Version,
                l.OwnerAccountId == null ? null : l.Owner!.Email))
            .ToListAsync(cancellationToken);
        return new PagedResult<ListenerSummary>(items, total);
    }

    private static IQueryable<Listener> Matching(
        PortalDbContext db, ListenerQuery query, int? hookId, string search, bool byTrigrams)
    {
        var listeners = byTrigrams
            ? db.Listeners.FromSqlRaw(
                $"SELECT * FROM listeners WHERE rowid IN ({ListenerUrlSearch.MatchingRowIds} {{0}})", ListenerUrlSearch.Phrase(search))
            : db.Listeners;
        listeners = listeners.AsNoTracking();

        if (!byTrigrams && search.Length > 0)
        {
            var pattern = "%" + LikePattern.Escape(search) + "%";
            listeners = listeners.Where(l => EF.Functions.Like(l.Url, pattern, LikePattern.EscapeCharacter));
        }

        if (hookId is not null)
        {
            listeners = listeners.Where(l => l.HookId == hookId);
        }

        if (query.OwnerAccountId is { } owner)
        {
            listeners = listeners.Where(l => l.OwnerAccountId == owner);
        }

        if (query.Enabled is { } enabled)
        {
            listeners = listeners.Where(l => l.Enabled == enabled);
        }

        return listeners;
    }
}
