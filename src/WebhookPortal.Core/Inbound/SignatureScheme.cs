using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WebhookPortal.Core.Inbound;

/// <summary>
/// One way of verifying an inbound request. Each implementation reads its headers, checks their format,
/// compares signatures in constant time against the exact bytes received, and only then looks at time.
/// A signature is checked before its timestamp, so a timestamp refusal always concerns a request the
/// sender really signed (a replay or a skewed clock), never a forgery.
/// </summary>
internal abstract class SignatureScheme
{
    private static readonly Dictionary<InboundScheme, SignatureScheme> Schemes = new SignatureScheme[]
    {
        new StandardWebhooksScheme(), new GitHubScheme(), new StripeScheme(), new SharedSecretScheme(),
    }.ToDictionary(s => s.Kind);

    public abstract InboundScheme Kind { get; }

    /// <summary>Whether the portal makes the secret (and can rotate it), rather than the sender.</summary>
    public virtual bool GeneratesSecret => false;

    /// <summary>Whether the admin names the header that carries the secret.</summary>
    public virtual bool NeedsHeaderName => false;

    public static SignatureScheme For(InboundScheme scheme) => Schemes[scheme];

    /// <summary>Null when <paramref name="secret"/> has this scheme's form; otherwise what to fix.</summary>
    public abstract string? CheckSecret(string secret);

    /// <param name="headers">The request's headers.</param>
    /// <param name="body">The body exactly as received.</param>
    /// <param name="secrets">The secrets that may have signed it (during a rotation, two).</param>
    /// <param name="headerName">The header the admin chose, for schemes that need one.</param>
    /// <param name="window">Now, and the tolerance for signed timestamps.</param>
    public abstract Verification Verify(
        InboundHeaders headers, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets, string? headerName, TimeWindow window);

    /// <summary>The sender's own id for this delivery, which makes its retries land on one event; null when it has none.</summary>
    public virtual string? DeliveryId(InboundHeaders headers, JsonElement payload) => null;

    /// <summary>Null and the value when the header was sent once; otherwise the refusal.</summary>
    protected static Verification? Require(InboundHeaders headers, string name, out string value) =>
        headers.Find(name, out value) switch
        {
            HeaderPresence.Missing => Verification.Failed(RejectionReason.MissingHeader, $"The {name} header is missing."),
            HeaderPresence.Repeated => Verification.Failed(RejectionReason.MalformedHeader,
                $"The {name} header is sent more than once; send it once."),
            _ => null,
        };

    /// <summary>Reads a Unix time in whole seconds: digits only, no sign, no fraction.</summary>
    protected static bool TryParseSeconds(string text, out long seconds) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seconds);

    /// <summary>HMAC-SHA256 of <paramref name="prefix"/> (UTF-8) followed by the body, with each key, without copying the body.</summary>
    protected static List<byte[]> Hmacs(IEnumerable<byte[]> keys, string prefix, ReadOnlySpan<byte> body)
    {
        var macs = new List<byte[]>();
        foreach (var key in keys)
        {
            using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
            hmac.AppendData(Encoding.UTF8.GetBytes(prefix));
            hmac.AppendData(body);
            macs.Add(hmac.GetHashAndReset());
        }

        return macs;
    }

    /// <summary>Secrets used as typed: their UTF-8 bytes are the key.</summary>
    protected static IEnumerable<byte[]> Utf8Keys(IReadOnlyList<string> secrets) => secrets.Select(Encoding.UTF8.GetBytes);

    /// <summary>
    /// Whether any candidate equals any expected signature. Every pair is compared, each in constant time,
    /// so the time taken says nothing about which one came close.
    /// </summary>
    protected static bool AnyMatches(IEnumerable<byte[]> expected, IReadOnlyList<byte[]> candidates)
    {
        var matched = false;
        foreach (var signature in expected)
        {
            foreach (var candidate in candidates)
            {
                matched |= CryptographicOperations.FixedTimeEquals(signature, candidate);
            }
        }

        return matched;
    }

    /// <summary>Lowercase or uppercase hex of exactly <paramref name="bytes"/> bytes; null otherwise.</summary>
    protected static byte[]? FromHex(string text, int bytes)
    {
        if (text.Length != bytes * 2)
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
