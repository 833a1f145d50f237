using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Web.Api;

/// <summary>The body of <c>POST /api/listeners</c> and <c>PUT /api/listeners/{id}</c>.</summary>
public sealed record ListenerRequest(
    string? Hook,
    string? Url,
    string? Description,
    bool? Enabled,
    IReadOnlyList<ListenerHeader>? Headers,
    IReadOnlyList<FilterBody>? Filters,
    int? Version,
    int? OwnerAccountId = null);
