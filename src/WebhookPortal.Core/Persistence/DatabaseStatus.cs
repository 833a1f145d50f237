namespace WebhookPortal.Core.Persistence;

/// <summary>What a fresh look at the database file found.</summary>
public sealed record DatabaseStatus(
    bool Reachable,
    string FilePath,
    long FileSizeBytes,
    string? JournalMode,
    string? SchemaVersion,
    string? Problem);
