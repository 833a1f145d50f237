using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Audit;

/// <summary>Reads the audit trail, newest first: for admins only.</summary>
public sealed class AuditLog(IDbContextFactory<PortalDbContext> contextFactory)
{
    public async Task<PagedResult<AuditEntry>> ListAsync(Actor actor, AuditQuery query, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return new PagedResult<AuditEntry>([], 0);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim();
            entries = entries.Where(e => e.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(query.TargetId))
        {
            var target = query.TargetId.Trim();
            entries = entries.Where(e => e.TargetId == target);
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var pattern = "%" + LikePattern.Escape(query.Actor.Trim()) + "%";
            entries = entries.Where(e => EF.Functions.Like(e.ActorName, pattern, LikePattern.EscapeCharacter));
        }

        if (query.Since is { } since)
        {
            entries = entries.Where(e => e.At >= since);
        }

        if (query.Until is { } until)
        {
            entries = entries.Where(e => e.At < until);
        }

        var total = await entries.CountAsync(cancellationToken);
        var items = await entries.OrderByDescending(e => e.Id).Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, AuditQuery.MaxPageSize)).ToListAsync(cancellationToken);
        return new PagedResult<AuditEntry>(items, total);
    }
}
