namespace WebhookPortal.Core.Backups;

/// <summary>A finished backup: the file, its size, how long the copy took, and the old backups removed to keep <c>Backup:Keep</c>.</summary>
public sealed record BackupResult(string FilePath, long SizeBytes, TimeSpan Duration, IReadOnlyList<string> Removed);
