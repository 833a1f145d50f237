namespace WebhookPortal.Core.Persistence;

/// <summary>The database cannot be opened or migrated; the message names the path and the cause.</summary>
public sealed class DatabaseStartupException(string message, Exception? innerException = null)
    : Exception(message, innerException);
