using System.Text.Json.Serialization;
using WebhookPortal.Core.Filters;
using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Web.Api;

/// <summary>A listener as the REST API shows it. The secret appears in full only when it was just made.</summary>
public sealed record ListenerResponse(
    string Id,
    string Hook,
    string Url,
    string Description,
    bool Enabled,
    string? DisabledReason,
    DateTimeOffset? DisabledAt,
    IReadOnlyList<ListenerHeader> Headers,
    IReadOnlyList<MatchFilter> Filters,
    string SecretHint,
    DateTimeOffset? PreviousSecretExpiresAt,
    int ConsecutiveFailures,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    int? OwnerAccountId)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Secret { get; init; }

    /// <summary>After a save: why deliveries to the URL may not arrive (refused or unresolvable). Left out when there is none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; }

    public static ListenerResponse From(
        Listener listener, DateTimeOffset now, string? secret = null, IReadOnlyList<string>? warnings = null) => new(
        listener.Id,
        listener.Hook.Name,
        listener.Url,
        listener.Description,
        listener.Enabled,
        listener.DisabledReason,
        listener.DisabledAt,
        listener.Headers,
        listener.Filters,
        ListenerSecret.Mask(listener.Secret),
        listener.PreviousSecretExpiresAt > now ? listener.PreviousSecretExpiresAt : null,
        listener.ConsecutiveFailures,
        listener.CreatedAt,
        listener.UpdatedAt,
        listener.Version,
        listener.OwnerAccountId)
    {
        Secret = secret,
        Warnings = warnings is { Count: > 0 } ? warnings : null,
    };
}
