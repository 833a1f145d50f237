namespace WebhookPortal.Core.Inbound;

/// <summary>What an admin enters for a source, from the portal's form or as the REST API's body.</summary>
/// <param name="Name">Lowercase letters, digits and dashes; cannot change once the source exists (it may be left out of an update).</param>
/// <param name="Scheme">The name of an <see cref="InboundScheme"/>, in any case.</param>
/// <param name="Secret">The scheme's secret; left empty on an update it stays, and for Standard Webhooks on create the portal makes one.</param>
/// <param name="HeaderName">For the shared-secret scheme only: the header that carries the secret.</param>
/// <param name="Hook">The name of the hook whose events verified requests become.</param>
public sealed record InboundSourceInput(
    string? Name,
    string? Description,
    string? Scheme,
    string? Secret,
    string? HeaderName,
    string? Hook,
    bool Enabled = true);
