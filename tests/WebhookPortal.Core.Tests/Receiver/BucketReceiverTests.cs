using WebhookPortal.Core.Common;
using WebhookPortal.Core.Receiver;

namespace WebhookPortal.Core.Tests.Receiver;

public sealed class BucketReceiverTests : IAsyncLifetime
{
    private CoreFixture fixture = default!;

    private BucketReceiver Receiver => fixture.Get<BucketReceiver>();

    private ReceiverLog Log => fixture.Get<ReceiverLog>();

    public async Task InitializeAsync() => fixture = await CoreFixture.StartAsync();

    public async Task DisposeAsync() => await fixture.DisposeAsync();

    [Fact]
    public async Task Receive_RecordsTheWholeRequestAndAnswers200_WhenNothingIsAsked()
    {
        var answer = await ReceiveAsync("orders", ReceiverCalls.Post("orders", "note=hello", """{"id":"ord_1"}""", ("X-Trace", "abc")));

        Assert.Equal((200, null), (answer.Status, answer.RetryAfterSeconds));
        var request = Assert.Single(Log.Requests("orders"));
        Assert.Equal(answer.RequestId, request.Id);
        Assert.StartsWith("rcv_", request.Id);
        Assert.Equal(("POST", "/receiver/orders?note=hello", """{"id":"ord_1"}""", 14L, false),
            (request.Method, request.PathAndQuery, request.Body, request.BodyBytes, request.BodyCut));
        Assert.Equal((fixture.Clock.GetUtcNow(), "203.0.113.7", (string?)null), (request.ReceivedAt, request.RemoteAddress, request.AnswerReason));
        Assert.Contains(KeyValuePair.Create("X-Trace", "abc"), request.Headers);
        Assert.Equal(SignatureOutcome.NoSignatureHeaders, request.Signature.Outcome);
    }

    [Fact]
    public async Task Receive_Answers500ForTheFirstCalls_AndThenNormally_WhenFailIsGiven()
    {
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await ReceiveAsync("orders", ReceiverCalls.Post("orders", "fail=2"))).Status);
        }

        var otherQuery = await ReceiveAsync("orders", ReceiverCalls.Post("orders", "fail=2&status=201"));

        Assert.Equal([500, 500, 200], statuses);
        Assert.Equal(500, otherQuery.Status); // counted on its own: another listener's URL fails its own first calls
        Assert.Equal(["fail=2: call 1 of 2 fails", "fail=2: the failing calls are over", "fail=2: call 2 of 2 fails", "fail=2: call 1 of 2 fails"],
            Log.Requests("orders").Select(r => r.AnswerReason).ToList());
    }

    [Fact]
    public async Task Receive_AnswersTheStatusWithRetryAfter_WhenAsked()
    {
        var answer = await ReceiveAsync("busy", ReceiverCalls.Post("busy", "STATUS=503&retryAfter=7"));

        Assert.Equal((503, 7), (answer.Status, answer.RetryAfterSeconds));
        Assert.Equal("status=503", Assert.Single(Log.Requests("busy")).AnswerReason);
    }

    [Theory]
    [InlineData("Orders", "", "bucket")]
    [InlineData("orders/x", "", "bucket")]
    [InlineData("orders", "status=99", "status")]
    [InlineData("orders", "status=600", "status")]
    [InlineData("orders", "fail=-1", "fail")]
    [InlineData("orders", "delay=60001", "delay")]
    [InlineData("orders", "retryAfter=soon", "retryAfter")]
    [InlineData("orders", "status=200&status=500", "status")]
    [InlineData("orders", "listener=", "listener")]
    public async Task Receive_RefusesNamingTheProblemAndRecordsNothing_WhenTheBucketOrQueryIsInvalid(string bucket, string query, string field)
    {
        var result = await Receiver.ReceiveAsync(bucket, ReceiverCalls.Post(bucket, query), default);

        Assert.Equal(ServiceErrorKind.Invalid, result.Error?.Kind);
        Assert.True(result.Error!.Fields!.ContainsKey(field));
        Assert.Empty(Log.Buckets());
    }

    [Fact]
    public async Task Receive_KeepsTheFirst64KiloBytesOfTheBody_AndSaysItWasCut()
    {
        var body = new string('a', BucketReceiver.KeptBodyBytes + 1000);

        await ReceiveAsync("big", ReceiverCalls.Post("big", body: body));

        var request = Assert.Single(Log.Requests("big"));
        Assert.Equal((BucketReceiver.KeptBodyBytes, BucketReceiver.KeptBodyBytes + 1000L, true),
            (request.Body.Length, request.BodyBytes, request.BodyCut));
    }

    [Fact]
    public async Task Receive_RecordsBeforeWaiting_AndNotesASenderThatHungUp()
    {
        using var hangUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Receiver.ReceiveAsync("slow", ReceiverCalls.Post("slow", "delay=60000"), hangUp.Token));

        var request = Assert.Single(Log.Requests("slow"));
        Assert.Equal((TimeSpan.FromMinutes(1), true), (request.Delay, request.SenderLeft));
    }

    private async Task<ReceiverAnswer> ReceiveAsync(string bucket, ReceiverCall call)
    {
        var result = await Receiver.ReceiveAsync(bucket, call, default);
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Value;
    }
}
