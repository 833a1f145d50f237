using System.Collections.Concurrent;

namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// Listeners' endpoints as the dispatcher last read them, so a busy listener is not read again for every
/// claim. The listener service forgets an entry whenever the listener changes (URL, secret, headers).
/// </summary>
public sealed class ListenerEndpointCache
{
    private readonly ConcurrentDictionary<string, ListenerEndpoint> endpoints = new();
    private long generation;

    /// <summary>Counts the changes forgotten so far; read it before reading listeners to remember.</summary>
    public long Generation => Interlocked.Read(ref generation);

    public bool TryGet(string listenerId, out ListenerEndpoint endpoint) => endpoints.TryGetValue(listenerId, out endpoint!);

    /// <summary>
    /// Remembers an endpoint read after <paramref name="readAfter"/> was the <see cref="Generation"/>, unless a
    /// listener changed since (it may be this one, read just before its change).
    /// </summary>
    public void Remember(string listenerId, ListenerEndpoint endpoint, long readAfter)
    {
        endpoints[listenerId] = endpoint;
        if (Generation != readAfter)
        {
            endpoints.TryRemove(listenerId, out _);
        }
    }

    public void Forget(string listenerId)
    {
        Interlocked.Increment(ref generation);
        endpoints.TryRemove(listenerId, out _);
    }
}
