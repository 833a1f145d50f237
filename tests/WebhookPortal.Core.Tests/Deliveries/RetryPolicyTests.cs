using WebhookPortal.Core.Deliveries;

namespace WebhookPortal.Core.Tests.Deliveries;

public sealed class RetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static RetryPolicy Policy(double random = 0.5, int jitter = 20, int[]? schedule = null) =>
        new(new DeliveryOptions { JitterPercent = jitter, RetrySchedule = schedule }, () => random);

    private static readonly AttemptResult ServerError = new(AttemptErrorKind.HttpError, 500);

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 300)]
    [InlineData(3, 1800)]
    [InlineData(4, 7200)]
    [InlineData(5, 18000)]
    [InlineData(6, 36000)]
    [InlineData(7, 50400)]
    [InlineData(8, 72000)]
    [InlineData(9, 86400)]
    public void Decide_FollowsTheDefaultSchedule_WithoutJitterAtTheMiddle(int attempt, int seconds)
    {
        var decision = Policy().Decide(ServerError, attempt, AttemptTrigger.Scheduled, Now);

        Assert.Equal(RetryOutcome.Retry, decision.Outcome);
        Assert.Equal(Now.AddSeconds(seconds), decision.NextAttemptAt);
    }

    [Theory]
    [InlineData(0.0, 240)]
    [InlineData(1.0, 360)]
    [InlineData(0.25, 270)]
    public void Decide_VariesTheDelayByTheJitter_AtMostTwentyPercent(double random, int expectedSeconds)
    {
        var decision = Policy(random).Decide(ServerError, 2, AttemptTrigger.Scheduled, Now);

        Assert.Equal(Now.AddSeconds(expectedSeconds), decision.NextAttemptAt);
    }

    [Fact]
    public void Decide_KeepsEveryDelayWithinTheJitterBounds_ForAnyRandomValue()
    {
        var random = new Random(7);
        for (var i = 0; i < 1_000; i++)
        {
            var value = random.NextDouble();
            var next = Policy(value).Decide(ServerError, 3, AttemptTrigger.Scheduled, Now).NextAttemptAt!.Value;
            Assert.InRange((next - Now).TotalSeconds, 1800 * 0.8, 1800 * 1.2);
        }
    }

    [Fact]
    public void Decide_FailsTheDelivery_WhenTheScheduleIsUsedUp()
    {
        var decision = Policy().Decide(ServerError, 10, AttemptTrigger.Scheduled, Now);

        Assert.Equal(RetryOutcome.Failed, decision.Outcome);
        Assert.Contains("all 10 attempts", decision.Reason);
    }

    [Fact]
    public void Decide_Succeeds_On2xx() =>
        Assert.Equal(RetryOutcome.Succeeded, Policy().Decide(new AttemptResult(AttemptErrorKind.None, 204), 1, AttemptTrigger.Scheduled, Now).Outcome);

    [Theory]
    [InlineData(30, 300)]
    [InlineData(400, 400)]
    [InlineData(9000, 600)]
    public void Decide_HonoursRetryAfterOn503_ClampedBetweenTheScheduledDelayAndTwiceIt(int retryAfter, int expected)
    {
        var result = new AttemptResult(AttemptErrorKind.HttpError, 503, TimeSpan.FromSeconds(retryAfter));

        var decision = Policy().Decide(result, 2, AttemptTrigger.Scheduled, Now);

        Assert.Equal(Now.AddSeconds(expected), decision.NextAttemptAt);
    }

    [Fact]
    public void Decide_IgnoresRetryAfter_OnOtherStatuses()
    {
        var result = new AttemptResult(AttemptErrorKind.HttpError, 500, TimeSpan.FromSeconds(400));

        Assert.Equal(Now.AddSeconds(300), Policy().Decide(result, 2, AttemptTrigger.Scheduled, Now).NextAttemptAt);
    }

    [Theory]
    [InlineData(AttemptErrorKind.Timeout, null)]
    [InlineData(AttemptErrorKind.HttpError, 429)]
    public void Decide_WaitsAtLeastAMinute_AfterATimeoutOrA429(AttemptErrorKind kind, int? status)
    {
        var decision = Policy().Decide(new AttemptResult(kind, status), 1, AttemptTrigger.Scheduled, Now);

        Assert.Equal(Now.AddSeconds(60), decision.NextAttemptAt);
    }

    [Fact]
    public void Decide_UsesTheLongerOfTheScheduleAndTheMinute_AfterATimeout() =>
        Assert.Equal(Now.AddSeconds(300),
            Policy().Decide(new AttemptResult(AttemptErrorKind.Timeout), 2, AttemptTrigger.Scheduled, Now).NextAttemptAt);

    [Fact]
    public void Decide_StopsAndDisablesTheListener_On410Gone()
    {
        var decision = Policy().Decide(new AttemptResult(AttemptErrorKind.HttpError, 410), 1, AttemptTrigger.Scheduled, Now);

        Assert.Equal(RetryOutcome.FailedAndDisableListener, decision.Outcome);
        Assert.Contains("410 Gone", decision.Reason);
    }

    [Fact]
    public void Decide_Stops_WhenTheReceiverAsksToAbort()
    {
        var decision = Policy().Decide(new AttemptResult(AttemptErrorKind.HttpError, 500, AbortRequested: true), 1, AttemptTrigger.Scheduled, Now);

        Assert.Equal(RetryOutcome.Failed, decision.Outcome);
        Assert.Contains("webhook-delivery: abort", decision.Reason);
    }

    [Theory]
    [InlineData(AttemptTrigger.Replay)]
    [InlineData(AttemptTrigger.Manual)]
    public void Decide_DoesNotReschedule_AFailedReplayOrManualAttempt(AttemptTrigger trigger) =>
        Assert.Equal(RetryOutcome.Failed, Policy().Decide(ServerError, 1, trigger, Now).Outcome);

    [Fact]
    public void Decide_UsesAConfiguredSchedule_WithExactlyItsNumberOfAttempts()
    {
        var policy = Policy(jitter: 0, schedule: [0, 1, 2]);

        Assert.Equal(3, policy.MaxAttempts);
        Assert.Equal(Now.AddSeconds(1), policy.Decide(ServerError, 1, AttemptTrigger.Scheduled, Now).NextAttemptAt);
        Assert.Equal(Now.AddSeconds(2), policy.Decide(ServerError, 2, AttemptTrigger.Scheduled, Now).NextAttemptAt);
        Assert.Equal(RetryOutcome.Failed, policy.Decide(ServerError, 3, AttemptTrigger.Scheduled, Now).Outcome);
    }
}
