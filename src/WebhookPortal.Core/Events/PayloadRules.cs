using System.Globalization;
using System.Text.Json;

namespace WebhookPortal.Core.Events;

/// <summary>
/// What a published payload may hold beyond being a JSON object: no string longer than the limit and
/// no number a receiver could not read back (not finite as a double, or absurdly long), so one odd
/// event cannot break every listener's parser. Nesting depth is limited where the JSON is parsed.
/// </summary>
public static class PayloadRules
{
    public const int MaxDepth = 64;
    public const int MaxNumberLength = 64;

    /// <summary>The JSON reader options every way in uses: comments and trailing commas are refused too.</summary>
    public static JsonDocumentOptions ReaderOptions { get; } = new() { MaxDepth = MaxDepth };

    /// <summary>Null when the payload is acceptable; otherwise the first problem, naming where it is (<c>$.items[3].name</c>).</summary>
    public static string? Check(JsonElement payload, int maxStringLength) => Check(payload, "$", maxStringLength);

    private static string? Check(JsonElement element, string path, int maxStringLength)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name.Length > maxStringLength)
                    {
                        return $"A property name in {path} is longer than {maxStringLength} characters.";
                    }

                    if (Check(property.Value, $"{path}.{Shorten(property.Name)}", maxStringLength) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Check(item, $"{path}[{index++}]", maxStringLength) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonValueKind.String:
                if (!TryGetString(element, out var text))
                {
                    return $"{path} is not valid UTF-8 text.";
                }

                var length = text.Length;
                return length > maxStringLength
                    ? $"{path} is a string of {length:N0} characters; the limit is {maxStringLength:N0} (Events:MaxStringLength)."
                    : null;
            case JsonValueKind.Number:
                var number = element.GetRawText();
                return number.Length > MaxNumberLength || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value)
                    ? $"{path} is a number too large to be read back reliably; send it as a string instead."
                    : null;
            default:
                return null;
        }
    }

    private static bool TryGetString(JsonElement element, out string text)
    {
        try
        {
            text = element.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40] + "…";
}
