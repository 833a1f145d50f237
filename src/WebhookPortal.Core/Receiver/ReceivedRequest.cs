namespace WebhookPortal.Core.Receiver;

/// <summary>One request the built-in receiver recorded, and how it answered.</summary>
public sealed class ReceivedRequest
{
    private volatile bool senderLeft;

    /// <summary><c>rcv_</c> and a sortable id; also in the answer's body, so a sender can find its request on the page.</summary>
    public required string Id { get; init; }

    public required string Bucket { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required string Method { get; init; }

    public required string PathAndQuery { get; init; }

    /// <summary>Every header as sent, a repeated one once per value.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    /// <summary>The body as UTF-8 text, no more than <see cref="BucketReceiver.KeptBodyBytes"/> of it.</summary>
    public required string Body { get; init; }

    /// <summary>How many bytes of the body are in <see cref="Body"/>.</summary>
    public required int KeptBodyBytes { get; init; }

    /// <summary>The size of the whole body as received.</summary>
    public required long BodyBytes { get; init; }

    public bool BodyCut => BodyBytes > KeptBodyBytes;

    public string? RemoteAddress { get; init; }

    public required SignatureCheck Signature { get; init; }

    /// <summary>The status the receiver answered.</summary>
    public required int Status { get; init; }

    /// <summary>Why not 200, or why 200 again, such as <c>fail=3: call 2 of 3 fails</c>; null for a plain answer.</summary>
    public string? AnswerReason { get; init; }

    /// <summary>How long the receiver waited before answering.</summary>
    public TimeSpan Delay { get; init; }

    public int? RetryAfterSeconds { get; init; }

    /// <summary>Whether the sender hung up while the receiver waited (a sender's timeout): it never saw the answer.</summary>
    public bool SenderLeft => senderLeft;

    /// <summary>Roughly what the request holds in memory, counted against <see cref="ReceiverLog.MaxStoredBytes"/>.</summary>
    internal long Size => KeptBodyBytes + 2L * (PathAndQuery.Length + Headers.Sum(h => h.Key.Length + h.Value.Length)) + 512;

    internal void MarkSenderLeft() => senderLeft = true;
}
