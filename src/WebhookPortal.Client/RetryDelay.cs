using System.Net;
using System.Net.Http.Headers;

namespace WebhookPortal.Client;

/// <summary>Which answers are worth another try, and how long to wait before it.</summary>
internal static class RetryDelay
{
    /// <summary>Server errors and the two "come back later" answers; a 501 or 505 will not change on a retry.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests ||
        ((int)status >= 500 && status is not HttpStatusCode.NotImplemented and not HttpStatusCode.HttpVersionNotSupported);

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (from 1): the server's <c>Retry-After</c> when it sent
    /// one, else exponential backoff with ±20 % jitter; never more than the options' bound.
    /// </summary>
    public static TimeSpan Before(int retry, RetryConditionHeaderValue? retryAfter, WebhookPortalClientOptions options)
    {
        var asked = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - options.TimeProvider.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        var wait = asked ?? Backoff(retry, options.InitialRetryDelay);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > options.MaxRetryDelay ? options.MaxRetryDelay : wait;
    }

    private static TimeSpan Backoff(int retry, TimeSpan initial)
    {
        var doubled = initial.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30));
        return TimeSpan.FromMilliseconds(doubled * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }
}
