namespace WebhookPortal.Core.Persistence;

/// <summary>SQLite's <c>synchronous</c> setting, limited to the two that are safe with a write-ahead log.</summary>
public enum SynchronousMode
{
    Normal = 1,
    Full = 2,
}
