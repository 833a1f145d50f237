namespace WebhookPortal.Core.Inbound;

/// <summary>A source as saved, and the secret in full when the portal has just made it: the only time it is handed out.</summary>
public sealed record SavedSource(InboundSource Source, string? GeneratedSecret);
