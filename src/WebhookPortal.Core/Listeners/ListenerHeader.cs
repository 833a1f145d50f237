namespace WebhookPortal.Core.Listeners;

/// <summary>A custom request header a listener's deliveries carry, such as <c>X-Environment: production</c>.</summary>
public sealed record ListenerHeader(string Name, string Value);
