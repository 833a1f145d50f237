using System.Text.Json;

namespace WebhookPortal.Web.Api;

/// <summary>
/// The body of <c>POST /api/filters/preview</c>: a hook, the filters, and a payload to try them on: a JSON object, or its
/// text as a string; left out or null, the hook's sample.
/// </summary>
public sealed record FilterPreviewRequest(string? Hook, IReadOnlyList<FilterBody>? Filters, JsonElement Payload);
