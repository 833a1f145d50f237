using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Filters;

namespace WebhookPortal.Core.Listeners;

/// <summary>
/// Each listener's filters, compiled once (regexes built, numbers parsed) and kept until the listener
/// changes: an entry is reused only while the listener's version is the one it was compiled from.
/// </summary>
public sealed class ListenerFilterCache(IOptions<ListenerOptions> options, ILogger<ListenerFilterCache> logger)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new();

    public int Count => entries.Count;

    /// <summary>
    /// The compiled filters, or null when the stored filters no longer compile (written by an older rule
    /// or outside the portal): such a listener matches nothing until an admin saves it again, and one bad
    /// listener never stops an event from reaching the others.
    /// </summary>
    public FilterSet? Get(string listenerId, int version, IReadOnlyList<MatchFilter> filters)
    {
        if (entries.TryGetValue(listenerId, out var entry) && entry.Version == version)
        {
            return entry.Filters;
        }

        FilterSet? compiled;
        try
        {
            compiled = FilterSet.Compile(filters, options.Value.RegexTimeout);
        }
        catch (ArgumentException e)
        {
            logger.LogWarning("The filters of listener {ListenerId} (version {Version}) cannot be compiled, so it receives no events until they are corrected: {Problem}",
                listenerId, version, e.Message);
            compiled = null;
        }

        entries[listenerId] = new Entry(version, compiled);
        return compiled;
    }

    /// <summary>Drops a listener's compiled filters after it changed or was deleted.</summary>
    public void Forget(string listenerId) => entries.TryRemove(listenerId, out _);

    private sealed record Entry(int Version, FilterSet? Filters);
}
