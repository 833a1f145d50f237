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
        var signed = Content(id, timestamp, body);
        return string.Join(' ', secrets.Select(secret => "v1," + Convert.ToBase64String(HMACSHA256.HashData(Key(secret), signed))));
    }

    /// <summary>The key bytes of a secret: the base64 after <c>whsec_</c> (or the whole secret when it has no prefix).</summary>
    public static byte[] Key(string secret) =>
        Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);

    private static byte[] Content(string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return content;
    }
}
