using System.Net.Http.Headers;
using System.Text.Json;

namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// Headers as the delivery log keeps them: a JSON object of name → value. Request headers whose name says
/// they carry a credential (authorization, tokens, keys, cookies, passwords) are kept as <c>[redacted]</c>.
/// A name that comes twice keeps its last value.
/// </summary>
internal static class AttemptHeaders
{
    private const string Redaction = "[redacted]";
    private static readonly string[] SensitiveParts = ["auth", "token", "secret", "key", "cookie", "password", "session", "credential"];

    public static string Redacted(HttpRequestMessage request) =>
        Serialize(request.Headers, request.Content?.Headers, redact: true);

    public static string Of(HttpResponseMessage response) =>
        Serialize(response.Headers, response.Content.Headers, redact: false);

    private static string Serialize(HttpHeaders headers, HttpHeaders? contentHeaders, bool redact)
    {
        // Written straight to JSON: this runs for every attempt. Later names replace earlier ones, as the log shows one value per name.
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Collect(headers, values, redact);
        if (contentHeaders is not null)
        {
            Collect(contentHeaders, values, redact);
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, value) in values)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Collect(HttpHeaders headers, Dictionary<string, string> values, bool redact)
    {
        foreach (var (name, value) in headers.NonValidated)
        {
            values[name] = redact && IsSensitive(name) ? Redaction
                : value.Count == 1 ? value.ToString()
                : string.Join(", ", value);
        }
    }

    private static bool IsSensitive(string name)
    {
        foreach (var part in SensitiveParts)
        {
            if (name.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
