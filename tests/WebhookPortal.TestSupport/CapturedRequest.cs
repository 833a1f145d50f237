namespace WebhookPortal.TestSupport;

/// <summary>One request a <see cref="LocalReceiver"/> got: its path, headers (names in lowercase) and body.</summary>
public sealed record CapturedRequest(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset ReceivedAt)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}
