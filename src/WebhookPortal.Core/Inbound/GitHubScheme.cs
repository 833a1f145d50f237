using System.Text.Json;

namespace WebhookPortal.Core.Inbound;

/// <summary>
/// GitHub's webhooks: <c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256 of the body&gt;</c>, keyed with the
/// secret's UTF-8 bytes as typed at GitHub. GitHub signs no timestamp, so replays cannot be told apart;
/// <c>X-GitHub-Delivery</c> at least makes a redelivery land on the same event.
/// </summary>
internal sealed class GitHubScheme : SignatureScheme
{
    public const string SignatureHeader = "X-Hub-Signature-256";
    public const string DeliveryHeader = "X-GitHub-Delivery";
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 500;
    private const string Prefix = "sha256=";

    public override InboundScheme Kind => InboundScheme.GitHub;

    public override string? CheckSecret(string secret) => secret.Length is < MinSecretLength or > MaxSecretLength
        ? $"Paste the secret you set in the GitHub webhook's settings; it needs {MinSecretLength} to {MaxSecretLength} characters. " +
          "If yours is shorter, set a longer random one at GitHub first."
        : null;

    public override Verification Verify(
        InboundHeaders headers, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets, string? headerName, TimeWindow window)
    {
        if (Require(headers, SignatureHeader, out var header) is { } missing)
        {
            return missing;
        }

        var signature = header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? FromHex(header[Prefix.Length..], 32) : null;
        if (signature is null)
        {
            return Verification.Failed(RejectionReason.MalformedHeader,
                $"The {SignatureHeader} header must be sha256= followed by 64 hexadecimal digits.");
        }

        var expected = Hmacs(Utf8Keys(secrets), "", body);
        return AnyMatches(expected, [signature])
            ? Verification.Passed
            : Verification.Failed(RejectionReason.SignatureMismatch,
                $"The {SignatureHeader} signature does not match the source's secret: the secret set at GitHub differs, or the body was changed.");
    }

    public override string? DeliveryId(InboundHeaders headers, JsonElement payload) => headers.Single(DeliveryHeader);
}
