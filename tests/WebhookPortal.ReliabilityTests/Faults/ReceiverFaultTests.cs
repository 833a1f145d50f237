using Microsoft.AspNetCore.Http;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.ReliabilityTests.Support;
using WebhookPortal.TestSupport;
using Xunit.Abstractions;

namespace WebhookPortal.ReliabilityTests.Faults;

/// <summary>
/// A receiver that misbehaves in every way the network allows, against the real portal process: each first attempt
/// is recorded with the error kind the log promises, and the retry is due within the schedule's jitter, or where
/// <c>Retry-After</c>, the minimum back-off after a timeout or a 429, or a <c>410 Gone</c> put it.
/// </summary>
[Collection(SlowTests.Name)]
public sealed class ReceiverFaultTests(FaultPortal portal, ITestOutputHelper output) : IClassFixture<FaultPortal>
{
    /// <summary>What a case does, what the first attempt must record, and when the retry must be due (seconds after the attempt ended).</summary>
    private sealed record FaultCase(
        Func<HttpContext, int, Task>? Behaviour, AttemptErrorKind Kind, int? Status, double? RetryLow, double? RetryHigh, bool StatusMayBeLost = false);

    // The schedule's delay of 30 s varies by ±20 %: 24–36 s. Retry-After (429 and 503 only) is clamped between the
    // jittered delay (24–36 s) and twice it (48–72 s), so 45 s is kept as asked; after a timeout or a 429 the wait is at least 60 s.
    private static readonly Dictionary<string, FaultCase> Cases = new()
    {
        ["refused"] = new(null, AttemptErrorKind.ConnectionRefused, null, 24, 36),
        // The reset may reach the sender before the status line it followed: then no status is recorded.
        ["reset"] = new(Behaviours.ResetMidResponse(), AttemptErrorKind.ConnectionError, 200, 24, 36, StatusMayBeLost: true),
        ["hang"] = new(Behaviours.Hang(), AttemptErrorKind.Timeout, null, 60, 60),
        ["trickle"] = new(Behaviours.Trickle(TimeSpan.FromMilliseconds(250)), AttemptErrorKind.Timeout, 200, 60, 60),
        ["status-500"] = new(Behaviours.Status(500, "oops"), AttemptErrorKind.HttpError, 500, 24, 36),
        ["status-502"] = new(Behaviours.Status(502), AttemptErrorKind.HttpError, 502, 24, 36),
        ["status-503"] = new(Behaviours.Status(503), AttemptErrorKind.HttpError, 503, 24, 36),
        ["status-429"] = new(Behaviours.Status(429), AttemptErrorKind.HttpError, 429, 60, 60),
        ["status-503-retry-after-45"] = new(Behaviours.WithHeader(503, "Retry-After", "45"), AttemptErrorKind.HttpError, 503, 45, 45),
        ["status-503-retry-after-5"] = new(Behaviours.WithHeader(503, "Retry-After", "5"), AttemptErrorKind.HttpError, 503, 24, 36),
        ["status-503-retry-after-3600"] = new(Behaviours.WithHeader(503, "Retry-After", "3600"), AttemptErrorKind.HttpError, 503, 48, 72),
        ["status-429-retry-after-100"] = new(Behaviours.WithHeader(429, "Retry-After", "100"), AttemptErrorKind.HttpError, 429, 60, 72),
        ["status-500-retry-after-50"] = new(Behaviours.WithHeader(500, "Retry-After", "50"), AttemptErrorKind.HttpError, 500, 24, 36),
        ["status-410"] = new(Behaviours.Status(410), AttemptErrorKind.HttpError, 410, null, null),
        ["redirect-302"] = new(Behaviours.Redirect("/elsewhere"), AttemptErrorKind.HttpError, 302, 24, 36),
        ["redirect-307"] = new(Behaviours.Redirect("/elsewhere", 307), AttemptErrorKind.HttpError, 307, 24, 36),
        ["invalid-utf8"] = new(Behaviours.RawBody(500, [0x62, 0x61, 0x64, 0xFF, 0xFE, 0xC3, 0x28, 0x00, 0x21]), AttemptErrorKind.HttpError, 500, 24, 36),
        ["body-50mb"] = new(Behaviours.LargeBody(50 * 1024 * 1024), AttemptErrorKind.None, 200, null, null),
        ["gzip-bomb"] = new(Behaviours.GzipBomb(100 * 1024 * 1024), AttemptErrorKind.None, 200, null, null),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task FirstAttempt_RecordsTheErrorKindAndSchedulesTheRetryWithinBounds(string name)
    {
        var expected = Cases[name];
        var url = expected.Behaviour is null ? FaultPortal.ClosedPortUrl() : portal.Receiver.Url("/" + name);
        if (expected.Behaviour is not null)
        {
            portal.Receiver.Respond("/" + name, expected.Behaviour);
        }

        var (listenerId, deliveryId) = await portal.PublishToAsync(name, url);
        var details = await portal.FirstAttemptAsync(deliveryId);

        var attempt = Assert.Single(details.Attempts);
        Assert.Equal(expected.Kind, attempt.ErrorKind);
        if (!(expected.StatusMayBeLost && attempt.ResponseStatus is null))
        {
            Assert.Equal(expected.Status, attempt.ResponseStatus);
        }

        Assert.True(attempt.DurationMilliseconds <= FaultPortal.RequestTimeoutSeconds * 1000 + 1_500,
            $"the attempt held its sender {attempt.DurationMilliseconds} ms, past the {FaultPortal.RequestTimeoutSeconds} s request timeout");
        var ended = attempt.StartedAt.AddMilliseconds(attempt.DurationMilliseconds);
        if (expected.RetryLow is { } low && expected.RetryHigh is { } high)
        {
            Assert.Equal(DeliveryStatus.Pending, details.Delivery.Status);
            var wait = (details.Delivery.NextAttemptAt - ended).TotalSeconds;
            Assert.True(wait >= low - 0.05 && wait <= high + 1,
                $"the retry is due {wait:0.00} s after the attempt ended, outside {low}–{high} s ({attempt.ErrorMessage})");
            Assert.False(string.IsNullOrWhiteSpace(attempt.ErrorMessage));
        }

        output.WriteLine($"{name}: {attempt.ErrorKind} {attempt.ResponseStatus} in {attempt.DurationMilliseconds} ms, " +
                         $"delivery {details.Delivery.Status}, next {details.NextAttemptAt?.ToString("HH:mm:ss.fff") ?? "none"}: {attempt.ErrorMessage}");
        await CaseSpecificAsync(name, listenerId, details, attempt);
    }

    private async Task CaseSpecificAsync(string name, string listenerId, DeliveryDetails details, DeliveryAttempt attempt)
    {
        switch (name)
        {
            case "status-410":
                Assert.Equal(DeliveryStatus.Failed, details.Delivery.Status);
                Assert.False(await portal.Portal.ListenerEnabledAsync(listenerId), "a 410 disables the listener");
                break;
            case "redirect-302" or "redirect-307":
                Assert.Contains("/elsewhere", attempt.ErrorMessage);
                Assert.Empty(portal.Receiver.RequestsTo("/elsewhere"));
                break;
            case "invalid-utf8":
                Assert.Equal("bad\uFFFD\uFFFD\uFFFD(\uFFFD!", attempt.ResponseBody);
                break;
            case "body-50mb" or "gzip-bomb":
                Assert.Equal(DeliveryStatus.Succeeded, details.Delivery.Status);
                Assert.True(attempt.ResponseBodyTruncated);
                Assert.Equal(16 * 1024, attempt.ResponseBody!.Length);
                break;
        }
    }
}
