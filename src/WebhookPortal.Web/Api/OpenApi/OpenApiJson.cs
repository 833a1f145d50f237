using System.Text.Json.Nodes;
using Microsoft.OpenApi.Any;

namespace WebhookPortal.Web.Api.OpenApi;

/// <summary>JSON text as the OpenAPI model's values, so examples are written as the JSON a caller sends.</summary>
public static class OpenApiJson
{
    public static IOpenApiAny Parse(string json) => From(JsonNode.Parse(json));

    private static IOpenApiAny From(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return new OpenApiNull();
            case JsonObject obj:
                var result = new OpenApiObject();
                foreach (var (name, value) in obj)
                {
                    result[name] = From(value);
                }

                return result;
            case JsonArray array:
                var list = new OpenApiArray();
                list.AddRange(array.Select(From));
                return list;
        }

        var element = node.GetValue<System.Text.Json.JsonElement>();
        return element.ValueKind switch
        {
            System.Text.Json.JsonValueKind.String => new OpenApiString(element.GetString()),
            System.Text.Json.JsonValueKind.True => new OpenApiBoolean(true),
            System.Text.Json.JsonValueKind.False => new OpenApiBoolean(false),
            System.Text.Json.JsonValueKind.Number when element.TryGetInt64(out var whole) => new OpenApiLong(whole),
            System.Text.Json.JsonValueKind.Number => new OpenApiDouble(element.GetDouble()),
            _ => new OpenApiNull(),
        };
    }
}
