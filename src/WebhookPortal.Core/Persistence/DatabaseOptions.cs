using System.ComponentModel.DataAnnotations;

namespace WebhookPortal.Core.Persistence;

/// <summary>The <c>Database</c> section: how the SQLite file is used. Its path is <c>ConnectionStrings:Portal</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>How long a statement waits for another writer's lock before failing.</summary>
    [Range(0, 600_000, ErrorMessage = "Database:BusyTimeoutMilliseconds must be between 0 and 600000.")]
    public int BusyTimeoutMilliseconds { get; set; } = 5_000;

    /// <summary>
    /// <c>Normal</c> survives a crash of the process (the write-ahead log is in the operating system's
    /// cache); <c>Full</c> also survives a power cut, at the cost of a disk flush per commit.
    /// </summary>
    [EnumDataType(typeof(SynchronousMode), ErrorMessage = "Database:Synchronous must be Normal or Full.")]
    public SynchronousMode Synchronous { get; set; } = SynchronousMode.Normal;
}
