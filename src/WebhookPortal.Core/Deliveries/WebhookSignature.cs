using System.Security.Cryptography;
using System.Text;

namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// Standard Webhooks signatures: <c>v1,</c> + base64 of HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c>,
/// keyed with the base64 part of a <c>whsec_</c> secret. During a rotation overlap a delivery carries one
/// signature per secret, space-separated, so a receiver that knows either verifies it.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    /// <summary>The <c>webhook-signature</c> header value for a message signed with each of the secrets.</summary>
    public static string Sign(string id, long timestamp, ReadOnlySpan<byte> body, IEnumerable<string> secrets)
    {
        // The prefix is hashed, then the body, so the body (up to the payload limit) is never copied.
        var longest = Encoding.UTF8.GetMaxByteCount(id.Length) + 22; // the id, a long and two dots
        Span<byte> prefix = longest <= 512 ? stackalloc byte[longest] : new byte[longest];
        prefix = prefix[..Encoding.UTF8.GetBytes($"{id}.{timestamp}.", prefix)];
        var signatures = new StringBuilder();
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        foreach (var secret in secrets)
        {
            using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Key(secret));
            hmac.AppendData(prefix);
            hmac.AppendData(body);
            hmac.GetHashAndReset(hash);
            signatures.Append(signatures.Length == 0 ? "v1," : " v1,").Append(Convert.ToBase64String(hash));
        }

        return signatures.ToString();
    }

    /// <summary>The key bytes of a secret: the base64 after <c>whsec_</c> (or the whole secret when it has no prefix).</summary>
    public static byte[] Key(string secret) =>
        Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
}
