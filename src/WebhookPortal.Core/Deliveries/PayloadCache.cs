using System.Collections.Concurrent;
using System.Text;

namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// The payloads of recently stored events, as UTF-8 bytes, so the dispatcher sends a fresh event without
/// reading it back. Bounded by count; the oldest go first, and anything not here is read from the database.
/// </summary>
public sealed class PayloadCache
{
    private const int Capacity = 20_000;
    private readonly ConcurrentDictionary<string, byte[]> payloads = new();
    private readonly ConcurrentQueue<string> order = new();

    // ConcurrentDictionary.Count takes every lock of the dictionary; the queue of ids holds the same number.
    private int count;

    public void Remember(string eventId, string payload)
    {
        if (payloads.TryAdd(eventId, Encoding.UTF8.GetBytes(payload)))
        {
            order.Enqueue(eventId);
            // One in, at most one out: the cache stays at its capacity.
            if (Interlocked.Increment(ref count) > Capacity && order.TryDequeue(out var oldest))
            {
                payloads.TryRemove(oldest, out _);
                Interlocked.Decrement(ref count);
            }
        }
    }

    public bool TryGet(string eventId, out byte[] payload) => payloads.TryGetValue(eventId, out payload!);
}
