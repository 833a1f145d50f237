using System.Text.Json;
using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Core.Inbound;

/// <summary>
/// Standard Webhooks (standardwebhooks.com): the signed content is <c>{webhook-id}.{webhook-timestamp}.{body}</c>,
/// the key is the base64 after <c>whsec_</c>, and <c>webhook-signature</c> lists <c>v1,&lt;base64&gt;</c> entries
/// separated by spaces, any one of which may match (senders list several while they rotate).
/// </summary>
internal sealed class StandardWebhooksScheme : SignatureScheme
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    private const int MinKeyBytes = 24;
    private const int MaxKeyBytes = 64;
    private const int SignatureBytes = 32;

    public override InboundScheme Kind => InboundScheme.StandardWebhooks;

    public override bool GeneratesSecret => true;

    public override string? CheckSecret(string secret) => Key(secret) is null
        ? $"A Standard Webhooks secret is {ListenerSecret.Prefix} followed by the base64 of {MinKeyBytes} to {MaxKeyBytes} random bytes. " +
          "Paste the sender's secret as it gives it, or leave the field empty and the portal makes one."
        : null;

    public override Verification Verify(
        InboundHeaders headers, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets, string? headerName, TimeWindow window)
    {
        if (Require(headers, IdHeader, out var id) is { } noId)
        {
            return noId;
        }

        if (Require(headers, TimestampHeader, out var timestamp) is { } noTimestamp)
        {
            return noTimestamp;
        }

        if (Require(headers, SignatureHeader, out var signatureList) is { } noSignature)
        {
            return noSignature;
        }

        if (!TryParseSeconds(timestamp, out var seconds))
        {
            return Verification.Failed(RejectionReason.MalformedHeader, $"The {TimestampHeader} header must be a Unix time in whole seconds.");
        }

        var candidates = Signatures(signatureList);
        if (candidates.Count == 0)
        {
            return Verification.Failed(RejectionReason.MalformedHeader,
                $"The {SignatureHeader} header holds no v1 signature: expected v1,<base64>, several separated by spaces.");
        }

        var content = $"{id}.{timestamp}.";
        var expected = Hmacs(secrets.Select(Key).OfType<byte[]>(), content, body);
        if (!AnyMatches(expected, candidates))
        {
            return Verification.Failed(RejectionReason.SignatureMismatch,
                $"No signature in the {SignatureHeader} header matches the source's secret.");
        }

        return window.Check(seconds, TimestampHeader) ?? Verification.Passed;
    }

    public override string? DeliveryId(InboundHeaders headers, JsonElement payload) => headers.Single(IdHeader);

    /// <summary>The HMAC key of a secret: the base64 after the optional <c>whsec_</c>, 24–64 bytes; null when it is not one.</summary>
    internal static byte[]? Key(string secret)
    {
        var encoded = secret.StartsWith(ListenerSecret.Prefix, StringComparison.Ordinal) ? secret[ListenerSecret.Prefix.Length..] : secret;
        var key = new byte[MaxKeyBytes + 3];
        return Convert.TryFromBase64String(encoded, key, out var length) && length is >= MinKeyBytes and <= MaxKeyBytes
            ? key[..length]
            : null;
    }

    // Entries of other versions (v1a, asymmetric) are skipped, as are v1 entries that are not 32 bytes of base64.
    private static List<byte[]> Signatures(string list)
    {
        var signatures = new List<byte[]>();
        foreach (var entry in list.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = entry.IndexOf(',');
            var decoded = new byte[SignatureBytes + 3];
            if (comma > 0 && entry.AsSpan(0, comma) is "v1" &&
                Convert.TryFromBase64String(entry[(comma + 1)..], decoded, out var length) && length == SignatureBytes)
            {
                signatures.Add(decoded[..length]);
            }
        }

        return signatures;
    }
}
