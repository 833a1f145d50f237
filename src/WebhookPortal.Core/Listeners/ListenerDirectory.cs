using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Listeners;

/// <summary>
/// Each hook's listeners with their compiled filters, read once and kept until a listener of that hook
/// changes, so publishing an event does not read and compile a thousand listeners every time. The
/// listener service invalidates a hook whenever one of its listeners changes; in one process that is
/// exact. (Several nodes on one database would compare a per-hook stamp instead; see docs/scaling.md.)
/// </summary>
public sealed class ListenerDirectory(IDbContextFactory<PortalDbContext> contextFactory, ListenerFilterCache filterCache)
{
    private readonly ConcurrentDictionary<int, Snapshot> snapshots = new();
    private readonly ConcurrentDictionary<int, long> generations = new();

    public async ValueTask<IReadOnlyList<RoutedListener>> ForHookAsync(int hookId, CancellationToken cancellationToken)
    {
        var generation = generations.GetValueOrDefault(hookId);
        if (snapshots.TryGetValue(hookId, out var snapshot) && snapshot.Generation == generation)
        {
            return snapshot.Listeners;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Listeners.AsNoTracking().Where(l => l.HookId == hookId)
            .Select(l => new { l.Id, l.Enabled, l.Version, l.Filters })
            .ToListAsync(cancellationToken);
        var listeners = rows.Select(r => new RoutedListener(r.Id, r.Enabled, filterCache.Get(r.Id, r.Version, r.Filters))).ToList();

        // A change that landed while this was read has raised the generation: then this list is not kept.
        if (generations.GetValueOrDefault(hookId) == generation)
        {
            snapshots[hookId] = new Snapshot(generation, listeners);
        }

        return listeners;
    }

    /// <summary>Forgets a hook's listeners after one of them was created, changed or deleted.</summary>
    public void Invalidate(int hookId)
    {
        generations.AddOrUpdate(hookId, 1, (_, value) => value + 1);
        snapshots.TryRemove(hookId, out _);
    }

    private sealed record Snapshot(long Generation, IReadOnlyList<RoutedListener> Listeners);
}
