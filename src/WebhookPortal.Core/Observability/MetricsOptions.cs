using System.ComponentModel.DataAnnotations;

namespace WebhookPortal.Core.Observability;

/// <summary>The <c>Metrics</c> section: the <c>/metrics</c> endpoint and what it exposes.</summary>
public sealed class MetricsOptions : IValidatableObject
{
    public const string SectionName = "Metrics";

    /// <summary>Whether <c>GET /metrics</c> answers at all; false answers 404.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The bearer token a scraper sends. Empty: only callers on the same machine (loopback) may scrape.
    /// </summary>
    public string ScrapeKey { get; set; } = "";

    /// <summary>How many listeners get their own failure series; the failures of any further listener count under <c>other</c>.</summary>
    [Range(0, 100_000, ErrorMessage = "Metrics:MaxListenerSeries must be between 0 and 100000.")]
    public int MaxListenerSeries { get; set; } = 1000;

    /// <summary>How long the queue figures are reused before they are read again from the database.</summary>
    [Range(1, 300, ErrorMessage = "Metrics:QueueRefreshSeconds must be between 1 and 300.")]
    public int QueueRefreshSeconds { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ScrapeKey.Length is > 0 and < 16)
        {
            yield return new ValidationResult(
                "Metrics:ScrapeKey must be empty (scraping from this machine only) or at least 16 characters.", [nameof(ScrapeKey)]);
        }
    }
}
