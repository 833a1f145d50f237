using System.Text.Json;

namespace WebhookPortal.Core.Filters;

/// <summary>
/// Reads the value of an <see cref="FilterOperator.In"/> filter: a JSON array of strings when it starts with
/// <c>[</c> (for items that hold commas or spaces, or are empty), otherwise comma-separated items, each trimmed.
/// </summary>
internal static class ValueList
{
    public static bool TryParse(string value, out IReadOnlyList<string> items, out string error)
    {
        items = [];
        var parsed = value.TrimStart().StartsWith('[') ? ParseJson(value, out error) : ParseCommaSeparated(value, out error);
        if (parsed is null)
        {
            return false;
        }

        if (parsed.Count > FilterSet.MaxListItems)
        {
            error = $"The list has {parsed.Count} values; the most is {FilterSet.MaxListItems}.";
            return false;
        }

        items = parsed;
        return true;
    }

    private static List<string>? ParseCommaSeparated(string value, out string error)
    {
        var items = value.Split(',', StringSplitOptions.TrimEntries);
        if (items.Contains(""))
        {
            error = "The list has an empty value; separate the values with single commas, such as EUR, USD.";
            return null;
        }

        error = "";
        return [.. items];
    }

    private static List<string>? ParseJson(string value, out string error)
    {
        const string expected = "A list that starts with [ must be a JSON array of strings, such as [\"EUR\", \"USD\"]";
        try
        {
            using var document = JsonDocument.Parse(value);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            {
                error = expected + ".";
                return null;
            }

            if (root.GetArrayLength() == 0)
            {
                error = "The list is empty; give at least one value.";
                return null;
            }

            error = "";
            return root.EnumerateArray().Select(e => e.GetString()!).ToList();
        }
        catch (JsonException exception)
        {
            error = $"{expected}: {exception.Message}";
            return null;
        }
    }
}
