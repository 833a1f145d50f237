namespace WebhookPortal.Client;

/// <summary>A custom request header a listener's deliveries carry, such as <c>X-Environment: production</c>.</summary>
/// <param name="Name">A header name; <c>Host</c>, <c>Content-Length</c> and any <c>webhook-*</c> are reserved.</param>
/// <param name="Value">Its value, without CR, LF or NUL.</param>
public sealed record ListenerHeader(string Name, string Value);
