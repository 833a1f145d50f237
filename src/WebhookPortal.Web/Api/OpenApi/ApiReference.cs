using System.Text.Json;

namespace WebhookPortal.Web.Api.OpenApi;

/// <summary>The OpenAPI document read for people: the operations grouped by tag, each schema flattened to its fields.</summary>
public sealed record ApiReference(string Title, string Description, IReadOnlyList<ApiReference.TagGroup> Tags)
{
    public sealed record TagGroup(string Name, string? Description, IReadOnlyList<Operation> Operations);

    public sealed record Operation(
        string Method, string Path, string Id, string? Summary, string? Description, bool NeedsKey,
        IReadOnlyList<Parameter> Parameters, Body? RequestBody, IReadOnlyList<Response> Responses);

    public sealed record Parameter(string Name, string In, bool Required, string Type, string? Description);

    /// <summary>A body: its media type, the schema's name and fields, and the example as indented JSON.</summary>
    public sealed record Body(string ContentType, string Type, IReadOnlyList<Field> Fields, string? Example);

    public sealed record Response(string Status, string Description, Body? Body);

    public sealed record Field(string Name, string Type, bool Required, string? Description);

    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static ApiReference Read(JsonDocument document)
    {
        var root = document.RootElement;
        var schemas = root.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var found)
            ? found : default;
        var operations = new List<(string Tag, Operation Operation)>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in Methods.Where(m => path.Value.TryGetProperty(m, out _)))
            {
                var op = path.Value.GetProperty(method);
                var tag = op.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 0 ? tags[0].GetString()! : "Other";
                operations.Add((tag, ReadOperation(method.ToUpperInvariant(), path.Name, op, schemas)));
            }
        }

        var described = root.TryGetProperty("tags", out var tagList)
            ? tagList.EnumerateArray().Select(t => (Name: t.GetProperty("name").GetString()!, Description: Text(t, "description"))).ToList()
            : [];
        var groups = operations.GroupBy(o => o.Tag)
            .OrderBy(g => described.FindIndex(t => t.Name == g.Key) is var i and >= 0 ? i : int.MaxValue)
            .Select(g => new TagGroup(g.Key, described.FirstOrDefault(t => t.Name == g.Key).Description, g.Select(o => o.Operation).ToList()))
            .ToList();
        var info = root.GetProperty("info");
        return new ApiReference(Text(info, "title") ?? "API", Text(info, "description") ?? "", groups);
    }

    private static Operation ReadOperation(string method, string path, JsonElement op, JsonElement schemas)
    {
        var parameters = op.TryGetProperty("parameters", out var list)
            ? list.EnumerateArray().Select(p => new Parameter(
                p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                p.TryGetProperty("required", out var required) && required.GetBoolean(),
                p.TryGetProperty("schema", out var schema) ? TypeOf(schema) : "string", Text(p, "description"))).ToList()
            : [];
        var request = op.TryGetProperty("requestBody", out var requestBody) ? ReadBody(requestBody, schemas) : null;
        var responses = op.TryGetProperty("responses", out var answers)
            ? answers.EnumerateObject().OrderBy(r => r.Name, StringComparer.Ordinal)
                .Select(r => new Response(r.Name, Text(r.Value, "description") ?? "", ReadBody(r.Value, schemas))).ToList()
            : [];
        return new Operation(method, path, Text(op, "operationId") ?? $"{method} {path}", Text(op, "summary"), Text(op, "description"),
            op.TryGetProperty("security", out var security) && security.GetArrayLength() > 0, parameters, request, responses);
    }

    private static Body? ReadBody(JsonElement holder, JsonElement schemas)
    {
        if (!holder.TryGetProperty("content", out var content))
        {
            return null;
        }

        var media = content.EnumerateObject().FirstOrDefault();
        if (media.Value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var schema = media.Value.TryGetProperty("schema", out var s) ? s : default;
        var example = media.Value.TryGetProperty("example", out var e) ? JsonSerializer.Serialize(e, Indented) : null;
        return new Body(media.Name, schema.ValueKind == JsonValueKind.Object ? TypeOf(schema) : "any", Fields(schema, schemas), example);
    }

    /// <summary>The properties of an object schema (following a reference), or of an array's items.</summary>
    private static List<Field> Fields(JsonElement schema, JsonElement schemas)
    {
        var target = Resolve(schema, schemas);
        if (target.ValueKind == JsonValueKind.Object && target.TryGetProperty("items", out var items))
        {
            target = Resolve(items, schemas);
        }

        if (target.ValueKind != JsonValueKind.Object || !target.TryGetProperty("properties", out var properties))
        {
            return [];
        }

        var required = target.TryGetProperty("required", out var names)
            ? names.EnumerateArray().Select(n => n.GetString()).ToHashSet() : [];
        return properties.EnumerateObject()
            .Select(p => new Field(p.Name, TypeOf(p.Value), required.Contains(p.Name) && !IsNullable(p.Value),
                Text(p.Value, "description") ?? Text(Resolve(p.Value, schemas), "description")))
            .ToList();
    }

    /// <summary>A field that may be null may also be left out, whatever the schema's <c>required</c> says of the constructor.</summary>
    private static bool IsNullable(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean();

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference) &&
        schemas.ValueKind == JsonValueKind.Object && schemas.TryGetProperty(reference.GetString()!.Split('/')[^1], out var target)
            ? target : schema;

    /// <summary>A schema in a few words: <c>string (date-time)</c>, <c>array of MatchFilter</c>, <c>Pending | Failed</c>.</summary>
    public static string TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return "any";
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            return reference.GetString()!.Split('/')[^1];
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            return string.Join(" | ", values.EnumerateArray().Select(v => v.ToString()));
        }

        var type = Text(schema, "type");
        var text = type switch
        {
            "array" when schema.TryGetProperty("items", out var items) => $"array of {TypeOf(items)}",
            null when schema.TryGetProperty("allOf", out var all) && all.GetArrayLength() == 1 => TypeOf(all[0]),
            null => "any",
            _ => Text(schema, "format") is { } format ? $"{type} ({format})" : type,
        };
        return schema.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean() ? text + ", nullable" : text;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;
}
