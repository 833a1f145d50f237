using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Inbound;
using WebhookPortal.Core.Listeners;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Inbound;

public sealed class InboundReceiverTests : IAsyncLifetime
{
    private const string Body = """{"id":"pay_9","type":"payment","amount":25,"card":"4242"}""";
    private CoreFixture fixture = default!;
    private string secret = "";

    private InboundSourceService Sources => fixture.Get<InboundSourceService>();

    private InboundReceiver Receiver => fixture.Get<InboundReceiver>();

    public async Task InitializeAsync()
    {
        fixture = await CoreFixture.StartAsync(("Inbound:MaxRejectionsPerSource", "10"), ("Events:MaxPayloadBytes", "2048"));
        secret = (await Sources.CreateAsync(InboundInputs.Source(), default)).Value!.GeneratedSecret!;
    }

    [Fact]
    public async Task Receive_PublishesTheVerifiedBodyAsAnInboundEventOfTheHook()
    {
        var outcome = await ReceiveAsync(Signed(secret, "msg_1", Body));

        Assert.Equal(IngestResult.Accepted, outcome.Result);
        await using var db = await fixture.ContextAsync();
        var stored = await db.Events.SingleAsync();
        Assert.Equal((outcome.Event!.EventId, EventOrigin.Inbound, "source acme-pay", "acme-pay:msg_1"),
            (stored.Id, stored.Origin, stored.OriginDetail, stored.IdempotencyKey));
        Assert.Equal("""{"id":"pay_9","amount":25}""", stored.Payload); // member.joined's provided fields only
    }

    [Fact]
    public async Task Receive_ReturnsTheFirstEvent_WhenTheSenderRetriesADelivery()
    {
        var first = await ReceiveAsync(Signed(secret, "msg_1", Body));
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        var retry = await ReceiveAsync(Signed(secret, "msg_1", Body));

        Assert.Equal(first.Event!.EventId, retry.Event!.EventId);
        Assert.True(retry.Event.Repeated);
    }

    [Fact]
    public async Task Receive_AcceptsThePreviousSecret_OnlyDuringTheOverlap()
    {
        await Sources.RotateSecretAsync("acme-pay", default);

        var during = await ReceiveAsync(Signed(secret, "msg_1", Body));
        fixture.Clock.Advance(TimeSpan.FromHours(24));
        var after = await ReceiveAsync(Signed(secret, "msg_2", Body));

        Assert.Equal((IngestResult.Accepted, IngestResult.Unverified), (during.Result, after.Result));
    }

    [Fact]
    public async Task Receive_RecordsARefusal_WithHeaderNamesButNoValuesAndNoBody()
    {
        var signed = Signed(ListenerSecret.Generate(), "msg_1", Body);

        var outcome = await ReceiveAsync(signed);

        Assert.Equal((IngestResult.Unverified, RejectionReason.SignatureMismatch), (outcome.Result, outcome.Reason));
        await using var db = await fixture.ContextAsync();
        var rejection = await db.InboundRejections.SingleAsync();
        Assert.Equal(["webhook-id", "webhook-signature", "webhook-timestamp"], rejection.HeaderNames);
        Assert.Equal((Body.Length, "203.0.113.7", fixture.Clock.GetUtcNow()), (rejection.BodyLength, rejection.RemoteAddress, rejection.ReceivedAt));
        Assert.Equal(0, await db.Events.CountAsync());
    }

    [Fact]
    public async Task Receive_KeepsOnlyTheNewestRejectionsPerSource()
    {
        for (var i = 0; i < 15; i++)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            await Receiver.ReceiveAsync("acme-pay", InboundInputs.Request("{}"), default);
        }

        var page = (await Sources.ListRejectionsAsync("acme-pay", 0, 100, default)).Value!;
        Assert.Equal(10, page.TotalCount);
        Assert.Equal(fixture.Clock.GetUtcNow(), page.Items[0].ReceivedAt);
        Assert.Equal(fixture.Clock.GetUtcNow().AddSeconds(-9), page.Items[^1].ReceivedAt);
    }

    [Fact]
    public async Task Receive_RecordsInvalidPayload_WhenAVerifiedBodyIsNotAJsonObject()
    {
        var outcome = await ReceiveAsync(Signed(secret, "msg_1", "[1,2,3]"));

        Assert.Equal((IngestResult.InvalidPayload, RejectionReason.InvalidPayload), (outcome.Result, outcome.Reason));
        Assert.Equal(1, (await Sources.ListRejectionsAsync("acme-pay", 0, 10, default)).Value!.TotalCount);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Receive_RefusesABodyOverTheLimit_WhetherOrNotItsLengthIsDeclared(bool declared)
    {
        var body = $$"""{"pad":"{{new string('x', 2100)}}"}""";
        var request = InboundInputs.Request(body, declared ? -1 : null, Signed(secret, "msg_1", body).Headers);

        var outcome = await Receiver.ReceiveAsync("acme-pay", request, default);

        Assert.Equal(IngestResult.PayloadTooLarge, outcome.Result);
        var rejection = Assert.Single((await Sources.ListRejectionsAsync("acme-pay", 0, 10, default)).Value!.Items);
        Assert.Equal(declared ? body.Length : 2049, rejection.BodyLength);
    }

    [Fact]
    public async Task Receive_AnswersSourceNotFound_AndRecordsNothing_WhenTheSourceIsDisabled()
    {
        await Sources.SetEnabledAsync("acme-pay", false, default);

        var outcome = await ReceiveAsync(Signed(secret, "msg_1", Body));

        Assert.Equal(IngestResult.SourceNotFound, outcome.Result);
        await using var db = await fixture.ContextAsync();
        Assert.Equal((0, 0), (await db.Events.CountAsync(), await db.InboundRejections.CountAsync()));
    }

    [Theory]
    [InlineData("msg_1", "acme-pay:msg_1")]
    [InlineData("id with spaces", "acme-pay:sha256:")]
    [InlineData(null, null)]
    public void IdempotencyKey_PrefixesTheSourceAndHashesUnusableIds(string? deliveryId, string? expectedStart)
    {
        var key = InboundReceiver.IdempotencyKey("acme-pay", deliveryId);

        Assert.Equal(expectedStart, key?[..Math.Min(key.Length, expectedStart?.Length ?? 0)]);
        Assert.True(key is null || IdempotencyKeys.Check(key) is null);
    }

    private Task<IngestOutcome> ReceiveAsync(SignedBody signed) =>
        Receiver.ReceiveAsync("acme-pay", InboundInputs.Request(signed.Body, -1, signed.Headers), default);

    private SignedBody Signed(string key, string id, string body)
    {
        var t = fixture.Clock.GetUtcNow().ToUnixTimeSeconds();
        return new SignedBody(body,
            [("webhook-id", id), ("webhook-timestamp", t.ToString()), ("webhook-signature", ProviderSignatures.StandardWebhooks(key, id, t, body))]);
    }

    private sealed record SignedBody(string Body, (string Name, string Value)[] Headers);

    public async Task DisposeAsync() => await fixture.DisposeAsync();
}
