namespace WebhookPortal.Core.Receiver;

/// <summary>
/// One bucket's requests, oldest first, and its counts of failing calls. Not thread-safe on its own:
/// <see cref="ReceiverLog"/> holds its lock around every use.
/// </summary>
internal sealed class ReceiverBucket(string name)
{
    // Each distinct query gets a counter; a flood of distinct ones starts them all over rather than growing without end.
    private const int MaxCounters = 1_000;

    private readonly Queue<ReceivedRequest> requests = new();
    private readonly Dictionary<string, int> calls = new(StringComparer.Ordinal);

    public string Name => name;

    public DateTimeOffset LastActivity { get; set; }

    public int Count => requests.Count;

    public ReceivedRequest? Oldest => requests.TryPeek(out var oldest) ? oldest : null;

    /// <summary>Counts a call with <c>fail=<paramref name="fail"/></c> and this query; its number among them, from 1 (at most fail + 1).</summary>
    public int CountCall(string query, int fail)
    {
        if (calls.Count >= MaxCounters && !calls.ContainsKey(query))
        {
            calls.Clear();
        }

        var number = Math.Min(calls.GetValueOrDefault(query) + 1, fail + 1);
        calls[query] = number;
        return number;
    }

    /// <summary>Adds a request; the one dropped to stay within <paramref name="max"/>, if any.</summary>
    public ReceivedRequest? Add(ReceivedRequest request, int max)
    {
        requests.Enqueue(request);
        return requests.Count > max ? requests.Dequeue() : null;
    }

    public ReceivedRequest DropOldest() => requests.Dequeue();

    public List<ReceivedRequest> NewestFirst() => requests.Reverse().ToList();

    public ReceiverBucketSummary Summary() => new(name, requests.Count, LastActivity);
}
