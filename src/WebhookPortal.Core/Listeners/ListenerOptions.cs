using System.ComponentModel.DataAnnotations;

namespace WebhookPortal.Core.Listeners;

/// <summary>The <c>Listeners</c> section: secrets and filters.</summary>
public sealed class ListenerOptions
{
    public const string SectionName = "Listeners";

    /// <summary>After "rotate secret", how long deliveries are still signed with the previous secret too.</summary>
    [Range(0, 720, ErrorMessage = "Listeners:SecretRotationOverlapHours must be between 0 and 720.")]
    public int SecretRotationOverlapHours { get; set; } = 24;

    /// <summary>
    /// How long one <c>Like</c> filter may run against one field before it counts as not matching. Measured
    /// in wall-clock time, so it leaves room for a busy machine: an ordinary pattern takes microseconds.
    /// </summary>
    [Range(1, 5_000, ErrorMessage = "Listeners:RegexTimeoutMilliseconds must be between 1 and 5000.")]
    public int RegexTimeoutMilliseconds { get; set; } = 100;

    public TimeSpan RegexTimeout => TimeSpan.FromMilliseconds(RegexTimeoutMilliseconds);

    public TimeSpan SecretRotationOverlap => TimeSpan.FromHours(SecretRotationOverlapHours);
}
