using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WebhookPortal.Client;

/// <summary>
/// Checks that a webhook came from the portal, unchanged and recently, as the Standard Webhooks specification
/// describes: <c>webhook-signature</c> holds one or more space-separated <c>v1,&lt;base64&gt;</c> signatures, each an
/// HMAC-SHA256 of <c>{webhook-id}.{webhook-timestamp}.{body}</c> keyed with the base64 part of the listener's
/// <c>whsec_…</c> secret. One matching signature is enough (during a secret rotation there are two). Signatures are
/// compared in constant time; timestamps more than the tolerance (five minutes) away from now are refused.
/// </summary>
/// <example>
/// <code>
/// app.MapPost("/webhooks", async (HttpRequest request) =>
/// {
///     using var reader = new StreamReader(request.Body);
///     var body = await reader.ReadToEndAsync();
///     var result = WebhookVerifier.Check(request.Headers, body, secret);
///     return result.IsValid ? Results.NoContent() : Results.Unauthorized();
/// });
/// </code>
/// </example>
public static class WebhookVerifier
{
    /// <summary>The header with the message id, the same on every retry of a delivery.</summary>
    public const string IdHeader = "webhook-id";

    /// <summary>The header with the signing time, in seconds since 1970.</summary>
    public const string TimestampHeader = "webhook-timestamp";

    /// <summary>The header with the space-separated signatures.</summary>
    public const string SignatureHeader = "webhook-signature";

    private const string SecretPrefix = "whsec_";

    /// <summary>Verifies a webhook and throws when it is not genuine and fresh.</summary>
    /// <typeparam name="TValue">The header value type: <c>string</c>, <c>StringValues</c> (ASP.NET Core), or <c>IEnumerable&lt;string&gt;</c> (<see cref="System.Net.Http.Headers.HttpHeaders"/>).</typeparam>
    /// <param name="headers">The request's headers; names are matched ignoring case.</param>
    /// <param name="body">The request body exactly as received, before any JSON parsing.</param>
    /// <param name="secret">The listener's signing secret, <c>whsec_</c> + base64 (the prefix may be left out).</param>
    /// <param name="options">Tolerance and clock; five minutes and the system clock when null.</param>
    /// <returns>The verified outcome, with the <c>webhook-id</c> to drop duplicates by.</returns>
    /// <exception cref="WebhookVerificationException">The webhook is not genuine or not fresh; its <see cref="WebhookVerificationException.Failure"/> says why.</exception>
    /// <exception cref="ArgumentException">The secret is not base64: the configuration is wrong, not the request.</exception>
    public static WebhookVerificationResult Verify<TValue>(
        IEnumerable<KeyValuePair<string, TValue>> headers, ReadOnlySpan<byte> body, string secret, WebhookVerifierOptions? options = null)
    {
        var result = Check(headers, body, secret, options);
        return result.IsValid ? result : throw new WebhookVerificationException(result);
    }

    /// <summary>Verifies a webhook whose body you hold as text (UTF-8 on the wire) and throws when it is not genuine and fresh.</summary>
    /// <typeparam name="TValue">The header value type.</typeparam>
    /// <param name="headers">The request's headers; names are matched ignoring case.</param>
    /// <param name="body">The request body exactly as received.</param>
    /// <param name="secret">The listener's signing secret.</param>
    /// <param name="options">Tolerance and clock; five minutes and the system clock when null.</param>
    /// <returns>The verified outcome.</returns>
    /// <exception cref="WebhookVerificationException">The webhook is not genuine or not fresh.</exception>
    /// <exception cref="ArgumentException">The secret is not base64.</exception>
    public static WebhookVerificationResult Verify<TValue>(
        IEnumerable<KeyValuePair<string, TValue>> headers, string body, string secret, WebhookVerifierOptions? options = null) =>
        Verify(headers, Encoding.UTF8.GetBytes(body ?? throw new ArgumentNullException(nameof(body))), secret, options);

    /// <summary>Checks a webhook whose body you hold as text, returning the outcome instead of throwing.</summary>
    /// <typeparam name="TValue">The header value type.</typeparam>
    /// <param name="headers">The request's headers; names are matched ignoring case.</param>
    /// <param name="body">The request body exactly as received.</param>
    /// <param name="secret">The listener's signing secret.</param>
    /// <param name="options">Tolerance and clock; five minutes and the system clock when null.</param>
    /// <returns>Verified, or the reason it was refused.</returns>
    /// <exception cref="ArgumentException">The secret is not base64.</exception>
    public static WebhookVerificationResult Check<TValue>(
        IEnumerable<KeyValuePair<string, TValue>> headers, string body, string secret, WebhookVerifierOptions? options = null) =>
        Check(headers, Encoding.UTF8.GetBytes(body ?? throw new ArgumentNullException(nameof(body))), secret, options);

    /// <summary>Checks a webhook, returning the outcome instead of throwing.</summary>
    /// <typeparam name="TValue">The header value type.</typeparam>
    /// <param name="headers">The request's headers; names are matched ignoring case.</param>
    /// <param name="body">The request body exactly as received.</param>
    /// <param name="secret">The listener's signing secret.</param>
    /// <param name="options">Tolerance and clock; five minutes and the system clock when null.</param>
    /// <returns>Verified, or the reason it was refused.</returns>
    /// <exception cref="ArgumentException">The secret is not base64.</exception>
    public static WebhookVerificationResult Check<TValue>(
        IEnumerable<KeyValuePair<string, TValue>> headers, ReadOnlySpan<byte> body, string secret, WebhookVerifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var key = Key(secret);
        options ??= new WebhookVerifierOptions();
        var (id, timestampText, signatures) = (Find(headers, IdHeader), Find(headers, TimestampHeader), Find(headers, SignatureHeader));
        var missing = new[] { (IdHeader, id), (TimestampHeader, timestampText), (SignatureHeader, signatures) }
            .Where(h => string.IsNullOrWhiteSpace(h.Item2)).Select(h => h.Item1).ToList();
        if (missing.Count > 0)
        {
            return Refuse(WebhookVerificationFailure.MissingHeader, $"The request has no {string.Join(", ", missing)} header.", id, null);
        }

        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
            seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return Refuse(WebhookVerificationFailure.InvalidTimestamp,
                $"{TimestampHeader} '{timestampText}' is not a number of seconds since 1970.", id, null);
        }

        var timestamp = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var now = options.TimeProvider.GetUtcNow();
        if (now - timestamp > options.Tolerance)
        {
            return Refuse(WebhookVerificationFailure.TimestampTooOld,
                $"The webhook was signed at {timestamp:u}, more than {options.Tolerance} before now ({now:u}).", id, timestamp);
        }

        if (timestamp - now > options.Tolerance)
        {
            return Refuse(WebhookVerificationFailure.TimestampInFuture,
                $"The webhook claims to be signed at {timestamp:u}, more than {options.Tolerance} after now ({now:u}).", id, timestamp);
        }

        var expected = HMACSHA256.HashData(key, SignedContent(id!, timestampText!, body));
        var checkedAny = false;
        foreach (var candidate in signatures!.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!candidate.StartsWith("v1,", StringComparison.Ordinal) || !TryBase64(candidate[3..], out var presented))
            {
                continue;
            }

            checkedAny = true;
            if (CryptographicOperations.FixedTimeEquals(expected, presented))
            {
                return new WebhookVerificationResult(WebhookVerificationFailure.None, $"Verified webhook {id}.", id, timestamp);
            }
        }

        return checkedAny
            ? Refuse(WebhookVerificationFailure.SignatureMismatch,
                "No signature matches: the body, id or timestamp was changed, or the secret is not this listener's.", id, timestamp)
            : Refuse(WebhookVerificationFailure.NoSupportedSignature,
                $"{SignatureHeader} holds no 'v1,<base64>' signature.", id, timestamp);
    }

    private static WebhookVerificationResult Refuse(WebhookVerificationFailure failure, string message, string? id, DateTimeOffset? timestamp) =>
        new(failure, message, id, timestamp);

    private static byte[] Key(string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        return TryBase64(encoded.Trim(), out var key) && key.Length > 0
            ? key
            : throw new ArgumentException("The secret must be 'whsec_' followed by base64, as the portal shows it.", nameof(secret));
    }

    private static bool TryBase64(string text, out byte[] bytes)
    {
        bytes = new byte[(text.Length * 3 / 4) + 3];
        if (Convert.TryFromBase64String(text, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        bytes = [];
        return false;
    }

    private static byte[] SignedContent(string id, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return content;
    }

    /// <summary>A header's value; several values (or several headers of the name) are joined with spaces.</summary>
    private static string? Find<TValue>(IEnumerable<KeyValuePair<string, TValue>> headers, string name)
    {
        var values = headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value switch
            {
                null => [],
                string one => [one],
                IEnumerable<string> many => many,
                var other => [other.ToString() ?? ""],
            })
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .ToList();
        return values.Count == 0 ? null : string.Join(' ', values).Trim();
    }
}
