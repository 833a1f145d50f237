using System.Net;
using System.Text.Json;

namespace WebhookPortal.Client;

/// <summary>Reads a refusal's problem details into a <see cref="WebhookPortalApiException"/>, whatever the body holds.</summary>
internal static class ProblemReader
{
    public static async Task<WebhookPortalApiException> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string? title = null, detail = null, type = null;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var root = document.RootElement;
                title = Text(root, "title");
                detail = Text(root, "detail");
                type = Text(root, "type");
                if (root.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in fields.EnumerateObject())
                    {
                        errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                            ? field.Value.EnumerateArray().Select(m => m.ToString()).ToArray()
                            : [field.Value.ToString()];
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not problem details (a proxy's page, say): the status and the raw body still say what happened.
            detail = string.IsNullOrWhiteSpace(body) ? null : body.Length > 500 ? body[..500] : body;
        }

        return new WebhookPortalApiException(response.StatusCode, title ?? Describe(response), detail, errors, type, body);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Describe(HttpResponseMessage response) =>
        response.ReasonPhrase ?? (response.StatusCode == HttpStatusCode.TooManyRequests ? "Too many requests" : "The call failed");
}
