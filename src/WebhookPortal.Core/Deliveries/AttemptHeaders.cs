using System.Text.Json;

namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// Headers as the delivery log keeps them: a JSON object of name → value. Request headers whose name says
/// they carry a credential (authorization, tokens, keys, cookies, passwords) are kept as <c>[redacted]</c>.
/// </summary>
internal static class AttemptHeaders
{
    private const string Redaction = "[redacted]";
    private static readonly string[] SensitiveParts = ["auth", "token", "secret", "key", "cookie", "password", "session", "credential"];

    public static string Redacted(HttpRequestMessage request) =>
        Serialize(request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()),
            name => SensitiveParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase)));

    public static string Of(HttpResponseMessage response) =>
        Serialize(response.Headers.Concat(response.Content.Headers), _ => false);

    private static string Serialize(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers, Func<string, bool> redact)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            values[name] = redact(name) ? Redaction : string.Join(", ", value);
        }

        return JsonSerializer.Serialize(values);
    }
}
