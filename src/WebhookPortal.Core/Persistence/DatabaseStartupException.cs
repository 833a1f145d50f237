namespace WebhookPortal.Core.Persistence;

/// <summary>
/// The database cannot be opened or migrated, or its hooks clash with those registered in code; the
/// message names the path or the hook, and the cause.
/// </summary>
public sealed class DatabaseStartupException(string message, Exception? innerException = null)
    : Exception(message, innerException);
