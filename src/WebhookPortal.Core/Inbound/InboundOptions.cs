using System.ComponentModel.DataAnnotations;

namespace WebhookPortal.Core.Inbound;

/// <summary>The <c>Inbound</c> section: how requests to <c>/ingest/{source}</c> are verified and what is kept of refusals.</summary>
public sealed class InboundOptions
{
    public const string SectionName = "Inbound";

    /// <summary>How far a signed timestamp may be from now, either way, before the request counts as a replay.</summary>
    [Range(30, 3_600, ErrorMessage = "Inbound:ToleranceSeconds must be between 30 and 3600.")]
    public int ToleranceSeconds { get; set; } = 300;

    /// <summary>How many refused requests are kept per source, newest first; older ones are removed as new ones come.</summary>
    [Range(10, 100_000, ErrorMessage = "Inbound:MaxRejectionsPerSource must be between 10 and 100000.")]
    public int MaxRejectionsPerSource { get; set; } = 1_000;

    /// <summary>After "rotate secret" (Standard Webhooks), how long requests signed with the previous secret still pass.</summary>
    [Range(0, 720, ErrorMessage = "Inbound:SecretRotationOverlapHours must be between 0 and 720.")]
    public int SecretRotationOverlapHours { get; set; } = 24;

    public TimeSpan Tolerance => TimeSpan.FromSeconds(ToleranceSeconds);

    public TimeSpan SecretRotationOverlap => TimeSpan.FromHours(SecretRotationOverlapHours);
}
