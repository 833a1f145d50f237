using System.ComponentModel.DataAnnotations;

namespace WebhookPortal.Core.Events;

/// <summary>The <c>Events</c> section: what an event may be.</summary>
public sealed class EventOptions
{
    public const string SectionName = "Events";

    /// <summary>The largest payload accepted, in bytes, before it is cut down to the provided fields.</summary>
    [Range(1_024, 10 * 1024 * 1024, ErrorMessage = "Events:MaxPayloadBytes must be between 1024 and 10485760.")]
    public int MaxPayloadBytes { get; set; } = 256 * 1024;

    /// <summary>The longest string a payload may hold, in characters.</summary>
    [Range(16, 10 * 1024 * 1024, ErrorMessage = "Events:MaxStringLength must be between 16 and 10485760.")]
    public int MaxStringLength { get; set; } = 64 * 1024;

    /// <summary>How long an idempotency key keeps returning the first event.</summary>
    [Range(1, 720, ErrorMessage = "Events:IdempotencyWindowHours must be between 1 and 720.")]
    public int IdempotencyWindowHours { get; set; } = 24;

    public TimeSpan IdempotencyWindow => TimeSpan.FromHours(IdempotencyWindowHours);
}
