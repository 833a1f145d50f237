using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace WebhookPortal.Core.Filters;

/// <summary>
/// The text a filter compares: a string's unescaped value, and for anything else its raw JSON
/// (<c>42</c>, <c>49.90</c>, <c>true</c>, <c>null</c>, <c>{"a":1}</c>).
/// </summary>
internal static class FieldText
{
    /// <summary>Values up to this many UTF-8 bytes are decoded into the caller's stack buffer.</summary>
    public const int StackBufferLength = 256;

    /// <summary>
    /// Reads the text into <paramref name="buffer"/> when it fits, so matching does not allocate for the
    /// short values that filters usually look at; a longer or escaped string costs one string.
    /// </summary>
    public static ReadOnlySpan<char> Read(JsonElement element, Span<char> buffer)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (element.ValueKind == JsonValueKind.String)
        {
            raw = raw[1..^1];
            if (raw.Contains((byte)'\\'))
            {
                return element.GetString();
            }
        }

        // UTF-8 never takes fewer bytes than UTF-16 takes chars, so a raw value that fits the buffer in bytes fits it in chars.
        return raw.Length <= buffer.Length
            ? buffer[..Encoding.UTF8.GetChars(raw, buffer)]
            : Encoding.UTF8.GetString(raw);
    }
}
