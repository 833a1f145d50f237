using WebhookPortal.Core.Receiver;

namespace WebhookPortal.Core.Tests.Receiver;

public sealed class ReceiverLogTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly ReceiverLog log = new();

    [Fact]
    public void Add_KeepsTheNewestRequestsOfABucket_NewestFirst()
    {
        for (var i = 0; i < ReceiverLog.MaxRequestsPerBucket + 5; i++)
        {
            log.Add(Request("orders", i));
        }

        var kept = log.Requests("orders");
        Assert.Equal(ReceiverLog.MaxRequestsPerBucket, kept.Count);
        Assert.Equal(("rcv_204", "rcv_5"), (kept[0].Id, kept[^1].Id));
        Assert.Equal(new ReceiverBucketSummary("orders", ReceiverLog.MaxRequestsPerBucket, Start.AddSeconds(204)), Assert.Single(log.Buckets()));
    }

    [Fact]
    public void Add_DropsTheBucketUnusedLongest_WhenOneMoreThanTheLimitArrives()
    {
        for (var i = 0; i <= ReceiverLog.MaxBuckets; i++)
        {
            log.Add(Request($"bucket-{i}", i));
        }

        var buckets = log.Buckets();
        Assert.Equal(ReceiverLog.MaxBuckets, buckets.Count);
        Assert.Equal($"bucket-{ReceiverLog.MaxBuckets}", buckets[0].Name); // the most recently used first
        Assert.DoesNotContain(buckets, b => b.Name == "bucket-0");
        Assert.Empty(log.Requests("bucket-0"));
    }

    [Fact]
    public void Add_DropsTheOldestRequestsOfAnyBucket_WhenTheBodiesPassTheMemoryLimit()
    {
        const int bodyBytes = 64 * 1024;
        var count = (int)(ReceiverLog.MaxStoredBytes / bodyBytes) + 50;
        for (var i = 0; i < count; i++)
        {
            log.Add(Request($"bucket-{i % 10}", i, bodyBytes));
        }

        var kept = log.Buckets().Sum(b => b.Requests);
        Assert.InRange(kept, count - 100, count - 50); // headers and bookkeeping count too
        Assert.DoesNotContain(log.Requests("bucket-0"), r => r.Id == "rcv_0");
        Assert.Equal($"rcv_{count - 1}", log.Requests($"bucket-{(count - 1) % 10}")[0].Id);
    }

    [Fact]
    public void CountCall_CountsEachQueryOfABucketOnItsOwn_AndStopsPastTheFailingCalls()
    {
        var orders = Enumerable.Range(0, 4).Select(_ => log.CountCall("orders", "fail=2", 2, Start)).ToList();
        var withDelay = log.CountCall("orders", "delay=10&fail=2", 2, Start);
        var people = log.CountCall("people", "fail=2", 2, Start);

        Assert.Equal([1, 2, 3, 3], orders);
        Assert.Equal((1, 1), (withDelay, people));
    }

    [Fact]
    public void Clear_ForgetsTheRequestsAndTheCountsOfFailingCalls()
    {
        log.Add(Request("orders", 1));
        log.CountCall("orders", "fail=1", 1, Start);
        var before = log.Version;

        Assert.True(log.Clear("orders"));

        Assert.Empty(log.Requests("orders"));
        Assert.Empty(log.Buckets());
        Assert.Equal(1, log.CountCall("orders", "fail=1", 1, Start));
        Assert.True(log.Version > before);
        Assert.False(log.Clear("never-used"));
    }

    [Fact]
    public async Task Add_KeepsEveryRequest_WhenManyArriveAtOnce()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 25; i++)
            {
                log.Add(Request("busy", t * 100 + i));
                log.CountCall("busy", "fail=1000", 1000, Start);
            }
        })));

        Assert.Equal(ReceiverLog.MaxRequestsPerBucket, log.Requests("busy").Count);
        Assert.Equal(201, log.CountCall("busy", "fail=1000", 1000, Start));
    }

    private static ReceivedRequest Request(string bucket, int n, int bodyBytes = 2) => new()
    {
        Id = $"rcv_{n}",
        Bucket = bucket,
        ReceivedAt = Start.AddSeconds(n),
        Method = "POST",
        PathAndQuery = $"/receiver/{bucket}",
        Headers = [KeyValuePair.Create("Content-Type", "application/json")],
        Body = "{}",
        KeptBodyBytes = bodyBytes,
        BodyBytes = bodyBytes,
        Signature = new SignatureCheck(SignatureOutcome.NoSignatureHeaders, null, "no signature headers"),
        Status = 200,
    };
}
