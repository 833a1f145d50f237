namespace WebhookPortal.Core.Inbound;

/// <summary>A source's input after <see cref="InboundSourceRules"/>: trimmed and valid, the hook still to be found.</summary>
/// <param name="Secret">The secret given, or null to keep the stored one (or make one when <paramref name="GenerateSecret"/>).</param>
internal sealed record CheckedSource(
    string Name, string Description, InboundScheme Scheme, string? Secret, bool GenerateSecret, string? HeaderName);
