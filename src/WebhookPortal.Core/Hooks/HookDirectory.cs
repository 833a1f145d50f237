using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Hooks;

/// <summary>
/// The hooks publishing needs (id and provided fields), read once per name and kept until the hook
/// service changes or deletes the hook: a publish should not query the catalogue every time.
/// Hook names compare without regard to case, as the catalogue's do.
/// </summary>
public sealed class HookDirectory(IDbContextFactory<PortalDbContext> contextFactory)
{
    private readonly ConcurrentDictionary<string, PublishedHook> hooks = new(StringComparer.OrdinalIgnoreCase);

    public async ValueTask<PublishedHook?> FindAsync(string name, CancellationToken cancellationToken)
    {
        if (hooks.TryGetValue(name, out var known))
        {
            return known;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Hooks.AsNoTracking().Where(h => h.Name == name)
            .Select(h => new PublishedHook(h.Id, h.Name, h.ProvidedFields)).SingleOrDefaultAsync(cancellationToken);
        if (found is not null)
        {
            hooks[name] = found;
        }

        return found;
    }

    /// <summary>Forgets a hook after it changed or was deleted.</summary>
    public void Forget(string name) => hooks.TryRemove(name, out _);

    public sealed record PublishedHook(int Id, string Name, IReadOnlyList<string> ProvidedFields);
}
