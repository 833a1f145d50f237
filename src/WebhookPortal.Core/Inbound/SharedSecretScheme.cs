using System.Security.Cryptography;
using System.Text;

namespace WebhookPortal.Core.Inbound;

/// <summary>
/// For senders that cannot sign: a header the admin names must hold the secret itself. Both sides are
/// hashed before the constant-time comparison, so neither the secret's length nor a matching prefix shows
/// in the time taken. Nothing protects against replay; prefer a signing scheme where the sender has one.
/// </summary>
internal sealed class SharedSecretScheme : SignatureScheme
{
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 500;

    public override InboundScheme Kind => InboundScheme.SharedSecret;

    public override bool NeedsHeaderName => true;

    public override string? CheckSecret(string secret)
    {
        if (secret.Length is < MinSecretLength or > MaxSecretLength)
        {
            return $"The secret needs {MinSecretLength} to {MaxSecretLength} characters; use a long random value, such as a password manager makes.";
        }

        // It travels as a header value: printable ASCII, and no spaces at either end, which HTTP would drop.
        return secret.Any(c => c is < ' ' or > '~') || secret.Trim().Length != secret.Length
            ? "The secret is sent as a header value, so it may hold only printable ASCII characters and cannot start or end with a space."
            : null;
    }

    public override Verification Verify(
        InboundHeaders headers, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets, string? headerName, TimeWindow window)
    {
        var name = headerName ?? throw new InvalidOperationException("A shared-secret source has a header name.");
        if (Require(headers, name, out var token) is { } missing)
        {
            return missing;
        }

        var sent = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return AnyMatches(secrets.Select(secret => SHA256.HashData(Encoding.UTF8.GetBytes(secret))), [sent])
            ? Verification.Passed
            : Verification.Failed(RejectionReason.SignatureMismatch, $"The {name} header does not hold the source's secret.");
    }
}
