namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// Decides, after each attempt, whether a delivery is done, dead, or tried again and when. Pure: the
/// time comes in, and randomness comes from the given source, so every rule can be tested exactly.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The schedule lists the delay before each attempt (the first is normally 0); there are as many
/// attempts as delays. Each delay varies by up to ±<c>JitterPercent</c>.</item>
/// <item><c>Retry-After</c> on a 429 or 503 is honoured, clamped between the scheduled delay and twice it.</item>
/// <item>After a timeout or a 429 the next attempt waits at least <c>MinimumBackoffSeconds</c>.</item>
/// <item><c>webhook-delivery: abort</c> in a response stops the retries; <c>410 Gone</c> stops them and
/// disables the listener.</item>
/// <item>A replay or manual attempt is one more try: if it fails, the delivery is failed again, not rescheduled.</item>
/// </list>
/// </remarks>
public sealed class RetryPolicy(DeliveryOptions options, Func<double> random)
{
    public RetryPolicy(DeliveryOptions options)
        : this(options, Random.Shared.NextDouble)
    {
    }

    /// <summary>How many attempts the schedule allows.</summary>
    public int MaxAttempts => options.Schedule.Count;

    /// <param name="result">What the attempt came to.</param>
    /// <param name="attemptNumber">Which attempt it was, from 1.</param>
    /// <param name="trigger">What started it: only scheduled attempts are followed by scheduled retries.</param>
    /// <param name="finishedAt">When it ended; the next attempt is measured from here.</param>
    public RetryDecision Decide(AttemptResult result, int attemptNumber, AttemptTrigger trigger, DateTimeOffset finishedAt)
    {
        if (result.Succeeded)
        {
            return new RetryDecision(RetryOutcome.Succeeded);
        }

        if (result.StatusCode == 410)
        {
            return new RetryDecision(RetryOutcome.FailedAndDisableListener,
                Reason: "The receiver answered 410 Gone: it asks to be sent nothing more, so the listener was disabled.");
        }

        if (result.AbortRequested)
        {
            return new RetryDecision(RetryOutcome.Failed, Reason: "The receiver asked to stop retrying (webhook-delivery: abort).");
        }

        if (trigger != AttemptTrigger.Scheduled)
        {
            return new RetryDecision(RetryOutcome.Failed, Reason: $"The {trigger.ToString().ToLowerInvariant()} attempt failed; no retries follow it.");
        }

        if (attemptNumber >= MaxAttempts)
        {
            return new RetryDecision(RetryOutcome.Failed, Reason: $"Out of tries: all {MaxAttempts} attempts of the retry schedule failed.");
        }

        var delay = Jittered(TimeSpan.FromSeconds(options.Schedule[attemptNumber]));
        if (result.RetryAfter is { } asked && result.StatusCode is 429 or 503)
        {
            delay = Clamp(asked, delay, delay * 2);
        }

        if (result.ErrorKind == AttemptErrorKind.Timeout || result.StatusCode == 429)
        {
            var minimum = TimeSpan.FromSeconds(options.MinimumBackoffSeconds);
            delay = delay < minimum ? minimum : delay;
        }

        return new RetryDecision(RetryOutcome.Retry, finishedAt + delay);
    }

    private TimeSpan Jittered(TimeSpan delay)
    {
        var spread = options.JitterPercent / 100.0;
        return delay * (1 + ((random() * 2) - 1) * spread);
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan low, TimeSpan high) =>
        value < low ? low : value > high ? high : value;
}
