using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Hooks;

/// <summary>Reads the hook catalogue; the portal pages and the REST API both go through it.</summary>
public sealed class HookCatalog(IDbContextFactory<PortalDbContext> contextFactory)
{
    public async Task<PagedResult<Hook>> ListAsync(HookQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hooks = db.Hooks.AsNoTracking();

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + LikePattern.Escape(query.Search.Trim()) + "%";
            hooks = hooks.Where(h => EF.Functions.Like(h.Name, pattern, LikePattern.EscapeCharacter)
                                  || EF.Functions.Like(h.Description, pattern, LikePattern.EscapeCharacter));
        }

        if (query.Source is { } source)
        {
            hooks = hooks.Where(h => h.Source == source);
        }

        var total = await hooks.CountAsync(cancellationToken);
        var items = await Order(hooks, query)
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, HookQuery.MaxPageSize))
            .ToListAsync(cancellationToken);
        return new PagedResult<Hook>(items, total);
    }

    public async Task<Hook?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Hooks.AsNoTracking().SingleOrDefaultAsync(h => h.Name == name, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<HookSource, int>> CountBySourceAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Hooks.GroupBy(h => h.Source)
            .Select(g => new { Source = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Source, x => x.Count, cancellationToken);
    }

    private static IQueryable<Hook> Order(IQueryable<Hook> hooks, HookQuery query)
    {
        var descending = query.Direction == SortDirection.Descending;
        // The name is unique, so it makes every order total and paging stable.
        return query.SortBy switch
        {
            HookSortField.Source => descending
                ? hooks.OrderByDescending(h => h.Source).ThenBy(h => h.Name)
                : hooks.OrderBy(h => h.Source).ThenBy(h => h.Name),
            HookSortField.CreatedAt => descending
                ? hooks.OrderByDescending(h => h.CreatedAt).ThenBy(h => h.Name)
                : hooks.OrderBy(h => h.CreatedAt).ThenBy(h => h.Name),
            _ => descending ? hooks.OrderByDescending(h => h.Name) : hooks.OrderBy(h => h.Name),
        };
    }
}
