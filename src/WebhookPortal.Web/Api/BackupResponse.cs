namespace WebhookPortal.Web.Api;

/// <summary>A finished backup: its file name and full path, its size, how long it took, and the old backups removed.</summary>
public sealed record BackupResponse(string File, string Path, long SizeBytes, long DurationMilliseconds, IReadOnlyList<string> Removed);
