using System.Text.Json;
using WebhookPortal.TestSupport;

namespace WebhookPortal.ReliabilityTests.Support;

/// <summary>
/// What a receiver got, read as the crash tests need it: which (listener path, event sequence number) pairs arrived,
/// and how often each <c>webhook-id</c> came. The events carry their number in the payload: <c>{"seq":17}</c>.
/// </summary>
public sealed class Received
{
    private Received(IReadOnlyList<CapturedRequest> requests)
    {
        Requests = requests;
        Pairs = requests.Select(r => (r.Path, Seq(r))).ToHashSet();
        TimesById = requests.GroupBy(r => r.Header("webhook-id") ?? "(none)").ToDictionary(g => g.Key, g => g.Count());
    }

    public IReadOnlyList<CapturedRequest> Requests { get; }

    public HashSet<(string Path, int Seq)> Pairs { get; }

    public Dictionary<string, int> TimesById { get; }

    /// <summary>The webhook-ids that arrived more than once.</summary>
    public IReadOnlyList<string> Duplicates => TimesById.Where(p => p.Value > 1).Select(p => p.Key).Order().ToList();

    public static Received From(LocalReceiver receiver) => new(receiver.Requests);

    public static string Payload(int seq) => $$"""{"seq":{{seq}}}""";

    /// <summary>The pairs of <paramref name="expected"/> that never arrived, the first few in words.</summary>
    public string Missing(IEnumerable<(string Path, int Seq)> expected, out int count)
    {
        var missing = expected.Where(p => !Pairs.Contains(p)).ToList();
        count = missing.Count;
        return string.Join(", ", missing.Take(20).Select(p => $"{p.Path}#{p.Seq}")) + (missing.Count > 20 ? ", …" : "");
    }

    /// <summary>Fails unless every repeat of an event to a listener carried the same webhook-id, so a receiver can drop it.</summary>
    public void AssertOneIdPerPair()
    {
        var split = Requests.GroupBy(r => (r.Path, Seq(r)))
            .Where(g => g.Select(r => r.Header("webhook-id")).Distinct().Count() > 1).Select(g => $"{g.Key.Path}#{g.Key.Item2}").ToList();
        Assert.True(split.Count == 0, $"these event × listener pairs arrived under more than one webhook-id: {string.Join(", ", split.Take(20))}");
    }

    /// <summary>Fails, naming the first few, unless every one of <paramref name="webhookIds"/> arrived.</summary>
    public void AssertEveryIdArrived(IEnumerable<string> webhookIds)
    {
        var missing = webhookIds.Where(id => !TimesById.ContainsKey(id)).Order().ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} webhook-ids never arrived: {string.Join(", ", missing.Take(20))}");
    }

    private static int Seq(CapturedRequest request)
    {
        using var body = JsonDocument.Parse(request.Body);
        return body.RootElement.GetProperty("seq").GetInt32();
    }
}
