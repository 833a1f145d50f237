using System.Security.Cryptography;
using System.Text;

namespace WebhookPortal.TestSupport;

/// <summary>Signatures computed the way each provider documents them, independently of the portal's code.</summary>
public static class ProviderSignatures
{
    /// <summary>Standard Webhooks: base64 HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c>, keyed with the base64 after <c>whsec_</c>.</summary>
    public static string StandardWebhooks(string secret, string id, long timestamp, string body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(
            Convert.FromBase64String(secret["whsec_".Length..]), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));

    /// <summary>GitHub: <c>sha256=</c> and hex HMAC-SHA256 of the body, keyed with the secret's UTF-8 bytes.</summary>
    public static string GitHub(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>Stripe: hex HMAC-SHA256 over <c>{t}.{body}</c>, keyed with the whole <c>whsec_…</c> string's UTF-8 bytes.</summary>
    public static string StripeV1(string secret, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public static byte[] Bytes(string body) => Encoding.UTF8.GetBytes(body);

    /// <summary>Adds the three Standard Webhooks headers to a request that sends <paramref name="body"/>, signed now.</summary>
    public static void SignStandardWebhooks(HttpRequestMessage request, string secret, string id, string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", StandardWebhooks(secret, id, timestamp, body));
    }
}
