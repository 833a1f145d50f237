using System.Text.Json;

namespace WebhookPortal.Web.Api;

/// <summary>The body of <c>POST /api/filters/preview</c>: a hook, the filters, and a payload object to try them on.</summary>
public sealed record FilterPreviewRequest(string? Hook, IReadOnlyList<FilterBody>? Filters, JsonElement Payload);
