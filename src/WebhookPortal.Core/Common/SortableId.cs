using System.Buffers.Binary;
using System.Security.Cryptography;

namespace WebhookPortal.Core.Common;

/// <summary>
/// Identifiers such as <c>lst_01jd8x2k3m4n5p6q7r8s9t0v1w</c>: a prefix naming the kind, then 48 bits of
/// milliseconds and 80 random bits in lowercase Crockford base32. They sort by creation time, so
/// "newest first" is an index scan, and they are unguessable.
/// </summary>
public static class SortableId
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    private const int EncodedLength = 26;

    public static string New(string prefix, DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[16];
        var milliseconds = (ulong)now.ToUnixTimeMilliseconds();
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)(milliseconds & 0xff);
            milliseconds >>= 8;
        }

        RandomNumberGenerator.Fill(bytes[6..]);

        // 128 bits as 26 base32 digits, most significant first (the first digit carries 3 bits).
        var high = BinaryPrimitives.ReadUInt64BigEndian(bytes[..8]);
        var low = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        Span<char> encoded = stackalloc char[EncodedLength];
        for (var i = EncodedLength - 1; i >= 0; i--)
        {
            encoded[i] = Alphabet[(int)(low & 0x1f)];
            low = (low >> 5) | ((high & 0x1f) << 59);
            high >>= 5;
        }

        return string.Concat(prefix, "_", encoded);
    }

    /// <summary>Whether <paramref name="id"/> has the shape of an id with this prefix (it may still not exist).</summary>
    public static bool HasShape(string? id, string prefix) =>
        id is not null &&
        id.Length == prefix.Length + 1 + EncodedLength &&
        id.StartsWith(prefix + "_", StringComparison.Ordinal) &&
        id.AsSpan(prefix.Length + 1).IndexOfAnyExcept(Alphabet) < 0;
}
