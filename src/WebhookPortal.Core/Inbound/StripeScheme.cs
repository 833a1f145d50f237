using System.Text.Json;

namespace WebhookPortal.Core.Inbound;

/// <summary>
/// Stripe's webhooks: <c>Stripe-Signature: t=&lt;seconds&gt;,v1=&lt;hex&gt;[,v1=…][,v0=…]</c> over <c>{t}.{body}</c>.
/// The key is the endpoint's signing secret as Stripe shows it, <c>whsec_…</c> included, as UTF-8 bytes: unlike
/// Standard Webhooks it is not base64-decoded. Any v1 entry may match (Stripe lists two while a secret rolls).
/// </summary>
internal sealed class StripeScheme : SignatureScheme
{
    public const string SignatureHeader = "Stripe-Signature";
    private const string SecretPrefix = "whsec_";
    private const int MaxSecretLength = 500;

    public override InboundScheme Kind => InboundScheme.Stripe;

    public override string? CheckSecret(string secret) =>
        !secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length <= SecretPrefix.Length + 8 || secret.Length > MaxSecretLength
            ? "Paste the endpoint's signing secret from Stripe (Developers → Webhooks → your endpoint → Signing secret); it starts with whsec_."
            : null;

    public override Verification Verify(
        InboundHeaders headers, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets, string? headerName, TimeWindow window)
    {
        if (Require(headers, SignatureHeader, out var header) is { } missing)
        {
            return missing;
        }

        string? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var item in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = item.IndexOf('=');
            var (key, value) = equals > 0 ? (item[..equals], item[(equals + 1)..]) : (item, "");
            if (key == "t")
            {
                if (timestamp is not null)
                {
                    return Malformed("holds more than one t= timestamp");
                }

                timestamp = value;
            }
            else if (key == "v1" && FromHex(value, 32) is { } signature)
            {
                signatures.Add(signature);
            }
        }

        if (timestamp is null || !TryParseSeconds(timestamp, out var seconds))
        {
            return Malformed("must start with t= and a Unix time in whole seconds");
        }

        if (signatures.Count == 0)
        {
            return Malformed("holds no v1= signature of 64 hexadecimal digits");
        }

        var expected = Hmacs(Utf8Keys(secrets), timestamp + ".", body);
        if (!AnyMatches(expected, signatures))
        {
            return Verification.Failed(RejectionReason.SignatureMismatch,
                $"No v1 signature in the {SignatureHeader} header matches the source's signing secret.");
        }

        return window.Check(seconds, "Stripe-Signature timestamp") ?? Verification.Passed;
    }

    /// <summary>The Stripe event's id (<c>evt_…</c>), the same on every retry of one event.</summary>
    public override string? DeliveryId(InboundHeaders headers, JsonElement payload) =>
        payload.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    private static Verification Malformed(string problem) =>
        Verification.Failed(RejectionReason.MalformedHeader, $"The {SignatureHeader} header {problem}.");
}
