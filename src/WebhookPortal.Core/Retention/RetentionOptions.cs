using System.ComponentModel.DataAnnotations;

namespace WebhookPortal.Core.Retention;

/// <summary>The <c>Retention</c> section: how long the delivery history is kept.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Attempts and events older than this many days are deleted; 0 keeps everything.</summary>
    [Range(0, 3650, ErrorMessage = "Retention:Days must be between 0 (keep everything) and 3650.")]
    public int Days { get; set; } = 30;

    /// <summary>Rows deleted per transaction: small, so deliveries never wait long for the write lock.</summary>
    [Range(10, 100_000, ErrorMessage = "Retention:BatchSize must be between 10 and 100000.")]
    public int BatchSize { get; set; } = 500;

    /// <summary>How often the clean-up runs.</summary>
    [Range(1, 1440, ErrorMessage = "Retention:IntervalMinutes must be between 1 and 1440.")]
    public int IntervalMinutes { get; set; } = 60;
}
