using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace WebhookPortal.Core.Filters;

/// <summary>
/// Dotted paths into a JSON payload (<c>customer.email</c>): checking them, reading them, and cutting a
/// payload down to a hook's provided fields, which is how a field that is not provided never reaches a listener.
/// </summary>
/// <remarks>
/// A path walks objects by property name, ordinal and case-sensitive. Array indexes are not part of the
/// syntax: a filter on an array field looks at every element instead.
/// </remarks>
public static class PayloadFields
{
    public const int MaxSegments = 8;

    public const int MaxSegmentLength = 64;

    public const int MaxPathLength = 200;

    // The body goes to an HTTP endpoint as application/json, never into HTML, so the relaxed encoder is
    // safe here and keeps non-ASCII text as UTF-8 instead of \uXXXX escapes.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Whether <paramref name="path"/> is 1 to 8 segments joined by dots, at most 200 characters, each segment
    /// 1 to 64 ASCII letters, digits, <c>_</c> or <c>-</c> that does not start with <c>-</c>
    /// (<c>id</c>, <c>customer.email</c>, <c>line_items</c>, <c>x-id</c>).
    /// </summary>
    public static bool IsValidPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.Length > MaxPathLength)
        {
            return false;
        }

        var segments = 0;
        foreach (var range in path.AsSpan().Split('.'))
        {
            if (++segments > MaxSegments || !IsValidSegment(path.AsSpan(range)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Finds the value at <paramref name="path"/>. False when a step is missing or is not an object, and when
    /// the path itself is not valid (<see cref="IsValidPath"/>): such a path names no field.
    /// </summary>
    public static bool TryGet(JsonElement root, string path, out JsonElement value)
    {
        if (IsValidPath(path))
        {
            return Walk(root, path, out value);
        }

        value = default;
        return false;
    }

    /// <summary>
    /// The compact JSON text of an object that holds only the <paramref name="providedFields"/> of
    /// <paramref name="payload"/>, nested as in the payload and in the payload's property order.
    /// </summary>
    /// <remarks>
    /// <c>customer.email</c> keeps <c>{"customer":{"email":…}}</c> and drops every sibling of <c>email</c>;
    /// a path whose parent is provided whole keeps the whole parent. A provided path that is missing (or runs
    /// through a non-object) is absent from the result, and so is a parent that would be left empty.
    /// </remarks>
    /// <exception cref="ArgumentException">The payload is not a JSON object, or a provided path is not valid.</exception>
    public static string Project(JsonElement payload, IReadOnlyList<string> providedFields)
    {
        ArgumentNullException.ThrowIfNull(providedFields);
        if (payload.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"The payload must be a JSON object, not {payload.ValueKind}.", nameof(payload));
        }

        var tree = ProvidedFieldTree.Build(providedFields);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            tree.WriteObject(payload, writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary><see cref="TryGet"/> for a path already known to be valid: the matching hot path skips the check.</summary>
    internal static bool Walk(JsonElement root, string path, out JsonElement value)
    {
        value = root;
        foreach (var range in path.AsSpan().Split('.'))
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(path.AsSpan(range), out value))
            {
                value = default;
                return false;
            }
        }

        return true;
    }

    private static bool IsValidSegment(ReadOnlySpan<char> segment)
    {
        if (segment.Length is 0 or > MaxSegmentLength || segment[0] == '-')
        {
            return false;
        }

        foreach (var c in segment)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
