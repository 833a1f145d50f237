using System.Buffers.Binary;
using System.Security.Cryptography;

namespace WebhookPortal.Core.Common;

/// <summary>
/// Identifiers such as <c>lst_01jd8x2k3m4n5p6q7r8s9t0v1w</c>: a prefix naming the kind, then 48 bits of
/// milliseconds and 80 random bits in lowercase Crockford base32. They sort by creation time, so
/// "newest first" is an index scan, and they are unguessable. Within one process they strictly increase:
/// in the same millisecond (or if the clock steps back) the next id is the previous one plus one.
/// </summary>
public static class SortableId
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    private const int EncodedLength = 26;
    private static readonly Lock Gate = new();
    private static long lastMilliseconds = -1;
    private static UInt128 lastRandom;

    public static string New(string prefix, DateTimeOffset now)
    {
        long milliseconds;
        UInt128 random;
        lock (Gate)
        {
            milliseconds = now.ToUnixTimeMilliseconds();
            if (milliseconds <= lastMilliseconds)
            {
                milliseconds = lastMilliseconds;
                random = lastRandom + 1;
            }
            else
            {
                Span<byte> bytes = stackalloc byte[16];
                RandomNumberGenerator.Fill(bytes[6..]);
                random = BinaryPrimitives.ReadUInt128BigEndian(bytes);
            }

            (lastMilliseconds, lastRandom) = (milliseconds, random);
        }

        // 48 bits of time above 80 bits of randomness, as 26 base32 digits, most significant first.
        var value = ((UInt128)(ulong)milliseconds << 80) | (random & ((UInt128.One << 80) - 1));
        Span<char> encoded = stackalloc char[EncodedLength];
        for (var i = EncodedLength - 1; i >= 0; i--)
        {
            encoded[i] = Alphabet[(int)(value & 0x1f)];
            value >>= 5;
        }

        return string.Concat(prefix, "_", encoded);
    }

    /// <summary>
    /// The smallest id of this kind that can be made at <paramref name="time"/>: every id made at that
    /// millisecond or later compares greater or equal (ordinal), so a time range is an id range.
    /// </summary>
    public static string Lowest(string prefix, DateTimeOffset time)
    {
        var milliseconds = Math.Clamp(time.ToUnixTimeMilliseconds(), 0, (1L << 48) - 1);
        var value = (UInt128)(ulong)milliseconds << 80;
        Span<char> encoded = stackalloc char[EncodedLength];
        for (var i = EncodedLength - 1; i >= 0; i--)
        {
            encoded[i] = Alphabet[(int)(value & 0x1f)];
            value >>= 5;
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
