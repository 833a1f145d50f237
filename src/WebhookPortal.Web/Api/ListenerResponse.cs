using System.ComponentModel;
using System.Text.Json.Serialization;
using WebhookPortal.Core.Filters;
using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Web.Api;

/// <summary>A listener as the REST API shows it. The secret appears in full only when it was just made.</summary>
public sealed record ListenerResponse(
    [property: Description("The listener's id (lst_…).")] string Id,
    [property: Description("The hook whose events it receives.")] string Hook,
    [property: Description("Where deliveries are posted.")] string Url,
    [property: Description("What the listener is for.")] string Description,
    [property: Description("Whether it receives deliveries now.")] bool Enabled,
    [property: Description("Why it was turned off (by a person, or after failing too long), when it was.")] string? DisabledReason,
    [property: Description("When it was turned off.")] DateTimeOffset? DisabledAt,
    [property: Description("Custom headers its deliveries carry.")] IReadOnlyList<ListenerHeader> Headers,
    [property: Description("Its match filters, all of which an event must pass.")] IReadOnlyList<MatchFilter> Filters,
    [property: Description("The signing secret masked but for its last characters.")] string SecretHint,
    [property: Description("After a rotation: until when deliveries also carry a signature made with the previous secret.")]
    DateTimeOffset? PreviousSecretExpiresAt,
    [property: Description("Failed attempts in a row; a success resets it.")] int ConsecutiveFailures,
    [property: Description("When it was made.")] DateTimeOffset CreatedAt,
    [property: Description("When it last changed.")] DateTimeOffset UpdatedAt,
    [property: Description("Grows with every change; send it back with an update.")] int Version,
    [property: Description("The customer account that owns it.")] int? OwnerAccountId)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("The full signing secret (whsec_…): only in the answer that made it. Store it; it is not shown again.")]
    public string? Secret { get; init; }

    /// <summary>After a save: why deliveries to the URL may not arrive (refused or unresolvable). Left out when there is none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("After a save: why deliveries to the URL may not arrive (refused by the egress rules, or the host does not resolve).")]
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
