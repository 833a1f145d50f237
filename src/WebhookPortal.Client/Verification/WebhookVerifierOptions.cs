namespace WebhookPortal.Client;

/// <summary>How strict <see cref="WebhookVerifier"/> is about time.</summary>
public sealed class WebhookVerifierOptions
{
    /// <summary>The Standard Webhooks default: five minutes either way.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>How far <c>webhook-timestamp</c> may be from now, in the past or the future. Default five minutes.</summary>
    public TimeSpan Tolerance { get; set; } = DefaultTolerance;

    /// <summary>The clock "now" comes from; tests pass their own. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
