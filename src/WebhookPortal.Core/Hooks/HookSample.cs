using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using WebhookPortal.Core.Filters;

namespace WebhookPortal.Core.Hooks;

/// <summary>
/// A hook's sample payload: the example listeners see before the first real event. It must hold only
/// provided fields, or the catalogue would show admins a field that is never sent.
/// </summary>
public static class HookSample
{
    public const int MaxBytes = 64 * 1024;

    // Stored and served as JSON, rendered by Blazor (which encodes HTML); readable text beats \u003C escapes.
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// An object with a placeholder (<c>"&lt;customer.email&gt;"</c>) at every provided path, nested as the
    /// paths are. Paths that are not valid are skipped, so a half-filled form still gets a sample.
    /// </summary>
    public static string Build(IEnumerable<string> providedFields)
    {
        // In the fields' order; a path that is also a parent ("customer" beside "customer.email") becomes an object.
        var root = new OrderedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var path in providedFields.Select(f => f?.Trim() ?? "").Where(PayloadFields.IsValidPath))
        {
            var node = root;
            var segments = path.Split('.');
            foreach (var segment in segments[..^1])
            {
                if (node.GetValueOrDefault(segment) is not OrderedDictionary<string, object> child)
                {
                    node[segment] = child = new OrderedDictionary<string, object>(StringComparer.Ordinal);
                }

                node = child;
            }

            node.TryAdd(segments[^1], $"<{path}>");
        }

        return Write(writer => JsonSerializer.Serialize(writer, root));
    }

    /// <summary>
    /// The sample as compact JSON, or null with <paramref name="problem"/> saying what to fix. Empty text
    /// gets a built sample. With <paramref name="providedFields"/> null (they are wrong themselves),
    /// only the JSON is checked.
    /// </summary>
    public static string? Check(string? text, IReadOnlyList<string>? providedFields, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return providedFields is null ? null : Build(providedFields);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            var reason = e.Message.Split(" LineNumber:", 2)[0].Trim();
            problem = $"The sample payload is not valid JSON (line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}): {reason} " +
                      "Fix it, or build one from the fields.";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = $"The sample payload must be a JSON object ({{ \"id\": 1 }}), not {Describe(root.ValueKind)}.";
                return null;
            }

            var compact = Write(root.WriteTo);
            var size = Encoding.UTF8.GetByteCount(compact);
            if (size > MaxBytes)
            {
                problem = $"The sample payload is {size / 1024.0:0.#} KB; the limit is {MaxBytes / 1024} KB. One example of each field is enough.";
                return null;
            }

            var extra = providedFields is null ? [] : ExtraFields(root, "", providedFields);
            if (extra.Count > 0)
            {
                var named = string.Join(", ", extra.Take(10)) + (extra.Count > 10 ? $" and {extra.Count - 10} more" : "");
                problem = $"The sample payload holds fields the hook does not provide: {named}. " +
                          "Remove them, or add them to the provided fields.";
                return null;
            }

            return compact;
        }
    }

    // A path is provided when it equals a provided path or lies under one; a path above provided ones is
    // walked into. Anything else, and a non-object where only some children are provided, is extra.
    private static List<string> ExtraFields(JsonElement obj, string prefix, IReadOnlyList<string> provided)
    {
        var extra = new List<string>();
        foreach (var property in obj.EnumerateObject())
        {
            var path = prefix + property.Name;
            if (Hook.Provides(provided, path))
            {
                continue;
            }

            var isParent = provided.Any(f => f.StartsWith(path + ".", StringComparison.Ordinal));
            if (isParent && property.Value.ValueKind == JsonValueKind.Object)
            {
                extra.AddRange(ExtraFields(property.Value, path + ".", provided));
            }
            else
            {
                extra.Add(path);
            }
        }

        return extra;
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => "true or false",
    };
}
