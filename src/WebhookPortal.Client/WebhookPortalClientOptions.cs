namespace WebhookPortal.Client;

/// <summary>How a <see cref="WebhookPortalClient"/> times and retries its calls.</summary>
/// <remarks>
/// Reads (<c>GET</c>) and publishing (made safe to repeat by its idempotency key) are retried after a 5xx answer,
/// a 408 or 429, a timeout or a connection error. Calls that change something and could not be repeated safely
/// (create, update, delete, rotate, replay) are sent once.
/// </remarks>
public sealed class WebhookPortalClientOptions
{
    /// <summary>How many times a retryable call is tried again after its first try; 0 turns retries off. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The wait before the first retry; each further retry waits twice as long (±20 %). Default 500 ms.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest wait between two tries, whether it comes from the backoff or from the server's <c>Retry-After</c>
    /// header (which is honoured up to this bound). Default 30 seconds.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one try may take before it counts as timed out (and is retried when it may be). Default 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock the waits between tries use; tests pass their own. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        if (MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "MaxRetries must be 0 or more.");
        }

        if (InitialRetryDelay < TimeSpan.Zero || MaxRetryDelay < InitialRetryDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetryDelay), MaxRetryDelay,
                "InitialRetryDelay must be 0 or more, and MaxRetryDelay at least InitialRetryDelay.");
        }

        if (AttemptTimeout <= TimeSpan.Zero && AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(AttemptTimeout), AttemptTimeout, "AttemptTimeout must be positive.");
        }
    }
}
