using System.Text.Json.Serialization;
using WebhookPortal.Core.Inbound;

namespace WebhookPortal.Web.Api;

/// <summary>A source as the REST API shows it: never its secret, only a hint, unless the portal has just made it.</summary>
/// <param name="IngestPath">Where the sender posts, under the portal's address.</param>
public sealed record InboundSourceResponse(
    string Name,
    string Description,
    InboundScheme Scheme,
    string? HeaderName,
    string Hook,
    bool Enabled,
    string SecretHint,
    DateTimeOffset? PreviousSecretExpiresAt,
    string IngestPath,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Secret { get; init; }

    public static InboundSourceResponse From(InboundSource source, DateTimeOffset now, string? generatedSecret = null) => new(
        source.Name,
        source.Description,
        source.Scheme,
        source.HeaderName,
        source.Hook.Name,
        source.Enabled,
        SourceSecretHint.Mask(source.Secret),
        source.PreviousSecretExpiresAt > now ? source.PreviousSecretExpiresAt : null,
        $"/ingest/{source.Name}",
        source.CreatedAt,
        source.UpdatedAt)
    {
        Secret = generatedSecret,
    };
}
