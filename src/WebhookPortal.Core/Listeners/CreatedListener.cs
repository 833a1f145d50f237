namespace WebhookPortal.Core.Listeners;

/// <summary>A new listener and its signing secret in full: the only time the secret is handed out.</summary>
public sealed record CreatedListener(Listener Listener, string Secret)
{
    /// <summary>What the person creating it should know, such as deliveries to its URL being refused.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
