using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Inbound;

/// <summary>The pages of sources and of a source's refused requests, read in SQL.</summary>
internal static class InboundSourceListing
{
    public const int MaxPageSize = 500;

    public static async Task<PagedResult<InboundSourceSummary>> ListAsync(
        IDbContextFactory<PortalDbContext> contextFactory, DateTimeOffset rejectedSince, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var total = await db.InboundSources.CountAsync(cancellationToken);
        // Names are unique, so the order is total and paging stable; the count reads at most the kept rejections of each row.
        var items = await db.InboundSources.AsNoTracking().OrderBy(s => s.Name)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize))
            .Select(s => new InboundSourceSummary(s.Name, s.Description, s.Scheme, s.Hook.Name, s.Enabled,
                db.InboundRejections.Count(r => r.SourceId == s.Id && r.ReceivedAt >= rejectedSince), s.CreatedAt))
            .ToListAsync(cancellationToken);
        return new PagedResult<InboundSourceSummary>(items, total);
    }

    /// <summary>Newest first (ids grow with time); null when no source has the name.</summary>
    public static async Task<PagedResult<InboundRejection>?> ListRejectionsAsync(
        IDbContextFactory<PortalDbContext> contextFactory, string name, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var sourceId = await db.InboundSources.Where(s => s.Name == name).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancellationToken);
        if (sourceId is null)
        {
            return null;
        }

        var rejections = db.InboundRejections.AsNoTracking().Where(r => r.SourceId == sourceId);
        var total = await rejections.CountAsync(cancellationToken);
        var items = await rejections.OrderByDescending(r => r.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize))
            .ToListAsync(cancellationToken);
        return new PagedResult<InboundRejection>(items, total);
    }
}
