namespace WebhookPortal.Web.Api;

/// <summary>A listener's signing secret in full.</summary>
public sealed record RevealedSecret(string Secret);
