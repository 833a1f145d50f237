namespace WebhookPortal.Core.Receiver;

/// <summary>
/// What the built-in receiver recorded, in memory only: it is a tool for trying the portal out, not a
/// system of record, and a restart empties it. Bounded, since anyone may post to it: at most
/// <see cref="MaxRequestsPerBucket"/> requests per bucket and <see cref="MaxBuckets"/> buckets (the oldest
/// go first), and about <see cref="MaxStoredBytes"/> in all. Safe to use from many requests at once.
/// </summary>
public sealed class ReceiverLog
{
    public const int MaxBuckets = 100;
    public const int MaxRequestsPerBucket = 200;
    public const long MaxStoredBytes = 64L * 1024 * 1024;

    private readonly Lock gate = new();
    private readonly Dictionary<string, ReceiverBucket> buckets = new(StringComparer.Ordinal);
    private long storedBytes;
    private long version;

    /// <summary>Grows with every change, so a page can tell whether there is anything new to draw.</summary>
    public long Version => Interlocked.Read(ref version);

    /// <summary>
    /// Counts a call with <c>fail=<paramref name="fail"/></c> to the bucket; its number among the calls to this
    /// bucket with the same <paramref name="query"/>, from 1. Calls past the failing ones all count as fail + 1.
    /// </summary>
    public int CountCall(string bucket, string query, int fail, DateTimeOffset now)
    {
        lock (gate)
        {
            return Touch(bucket, now).CountCall(query, fail);
        }
    }

    public void Add(ReceivedRequest request)
    {
        lock (gate)
        {
            var bucket = Touch(request.Bucket, request.ReceivedAt);
            storedBytes += request.Size;
            if (bucket.Add(request, MaxRequestsPerBucket) is { } dropped)
            {
                storedBytes -= dropped.Size;
            }

            while (storedBytes > MaxStoredBytes && buckets.Values.Where(b => b.Count > 0).MinBy(b => b.Oldest!.ReceivedAt) is { } oldest)
            {
                storedBytes -= oldest.DropOldest().Size;
            }

            Interlocked.Increment(ref version);
        }
    }

    /// <summary>Notes that the sender of <paramref name="request"/> hung up before it got its answer.</summary>
    public void MarkSenderLeft(ReceivedRequest request)
    {
        request.MarkSenderLeft();
        Interlocked.Increment(ref version);
    }

    /// <summary>The buckets, the most recently used first.</summary>
    public IReadOnlyList<ReceiverBucketSummary> Buckets()
    {
        lock (gate)
        {
            return buckets.Values.OrderByDescending(b => b.LastActivity).Select(b => b.Summary()).ToList();
        }
    }

    /// <summary>A bucket's requests, newest first; empty for a bucket that has none.</summary>
    public IReadOnlyList<ReceivedRequest> Requests(string bucket)
    {
        lock (gate)
        {
            return buckets.TryGetValue(bucket, out var found) ? found.NewestFirst() : [];
        }
    }

    /// <summary>Forgets a bucket: its requests and its counts of failing calls. False when there was no such bucket.</summary>
    public bool Clear(string bucket)
    {
        lock (gate)
        {
            if (!buckets.Remove(bucket, out var removed))
            {
                return false;
            }

            storedBytes -= removed.NewestFirst().Sum(r => r.Size);
            Interlocked.Increment(ref version);
            return true;
        }
    }

    private ReceiverBucket Touch(string name, DateTimeOffset now)
    {
        if (!buckets.TryGetValue(name, out var bucket))
        {
            if (buckets.Count >= MaxBuckets && buckets.Values.MinBy(b => b.LastActivity) is { } idlest)
            {
                buckets.Remove(idlest.Name);
                storedBytes -= idlest.NewestFirst().Sum(r => r.Size);
            }

            buckets[name] = bucket = new ReceiverBucket(name);
        }

        bucket.LastActivity = now > bucket.LastActivity ? now : bucket.LastActivity;
        return bucket;
    }
}
