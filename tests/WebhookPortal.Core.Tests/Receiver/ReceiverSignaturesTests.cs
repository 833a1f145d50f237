using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Listeners;
using WebhookPortal.Core.Receiver;

namespace WebhookPortal.Core.Tests.Receiver;

/// <summary>What the receiver says about a request's signature, with real listeners' secrets and signatures computed as the specification says.</summary>
public sealed class ReceiverSignaturesTests : IAsyncLifetime
{
    private const string Body = """{"id":7,"name":"Jane"}""";
    private CoreFixture fixture = default!;
    private CreatedListener listener = default!;

    private BucketReceiver Receiver => fixture.Get<BucketReceiver>();

    private DateTimeOffset Now => fixture.Clock.GetUtcNow();

    public async Task InitializeAsync()
    {
        fixture = await CoreFixture.StartAsync();
        listener = await CreateAsync("http://localhost:5000/receiver/crm?fail=1");
        await CreateAsync("http://localhost:5000/receiver/crm-archive"); // another bucket, although its URL contains this one's
    }

    public async Task DisposeAsync() => await fixture.DisposeAsync();

    [Fact]
    public async Task Check_SaysValidWithTheCurrentSecret_WhenTheListenerPointingAtTheBucketSignedIt()
    {
        var check = await CheckAsync("crm", ReceiverCalls.Signed(listener.Secret, Body, Now));

        Assert.Equal((SignatureOutcome.Valid, listener.Listener.Id), (check.Outcome, check.ListenerId));
        Assert.Equal($"valid: signed by {listener.Listener.Id} (current secret)", check.Text);
    }

    [Fact]
    public async Task Check_SaysValidWithThePreviousSecret_OnlyDuringARotationOverlap()
    {
        await fixture.Listeners.RotateSecretAsync(Actor.System, listener.Listener.Id, default);

        var during = await CheckAsync("crm", ReceiverCalls.Signed(listener.Secret, Body, Now));
        fixture.Clock.Advance(TimeSpan.FromHours(25));
        var after = await CheckAsync("crm", ReceiverCalls.Signed(listener.Secret, Body, Now));

        Assert.Equal($"valid: signed by {listener.Listener.Id} (previous secret)", during.Text);
        Assert.Equal(SignatureOutcome.Invalid, after.Outcome);
    }

    [Fact]
    public async Task Check_SaysInvalid_WhenAnotherSecretSignedIt()
    {
        var check = await CheckAsync("crm", ReceiverCalls.Signed(ListenerSecret.Generate(), Body, Now));

        Assert.Equal((SignatureOutcome.Invalid, $"invalid signature: no match for the secret of {listener.Listener.Id}"), (check.Outcome, check.Text));
    }

    [Fact]
    public async Task Check_SaysInvalid_WhenTheBodyWasChanged()
    {
        var headers = ReceiverCalls.Signed(listener.Secret, Body, Now);

        var result = await Receiver.ReceiveAsync("crm", ReceiverCalls.Post("crm", "", Body.Replace("Jane", "John"), headers), default);

        Assert.Equal(SignatureOutcome.Invalid, fixture.Get<ReceiverLog>().Requests("crm").Single(r => r.Id == result.Value!.RequestId).Signature.Outcome);
    }

    [Fact]
    public async Task Check_SaysTheTimestampIsOutsideTolerance_WhenARealSignatureIsOld()
    {
        var check = await CheckAsync("crm", ReceiverCalls.Signed(listener.Secret, Body, Now.AddMinutes(-10)));

        Assert.Equal((SignatureOutcome.TimestampOutsideTolerance, listener.Listener.Id), (check.Outcome, check.ListenerId));
        Assert.Contains("600 seconds in the past", check.Text);
    }

    [Fact]
    public async Task Check_SaysMalformed_WhenASignatureHeaderIsMissing()
    {
        var check = await CheckAsync("crm", ReceiverCalls.Signed(listener.Secret, Body, Now).Take(2).ToArray());

        Assert.Equal((SignatureOutcome.Malformed, "malformed: The webhook-signature header is missing."), (check.Outcome, check.Text));
    }

    [Fact]
    public async Task Check_SaysSo_WhenTheRequestIsNotSigned()
    {
        var check = await CheckAsync("crm", []);

        Assert.Equal((SignatureOutcome.NoSignatureHeaders, "no signature headers"), (check.Outcome, check.Text));
    }

    [Fact]
    public async Task Check_SaysNoListener_WhenNoListenerPointsAtTheBucket()
    {
        var check = await CheckAsync("crm-2", ReceiverCalls.Signed(listener.Secret, Body, Now));

        Assert.Equal((SignatureOutcome.NoListener, "no listener points at this bucket"), (check.Outcome, check.Text));
    }

    [Fact]
    public async Task Check_UsesTheListenerTheQueryNames_WhereverItsUrlPoints()
    {
        var named = await CheckAsync("anywhere", ReceiverCalls.Signed(listener.Secret, Body, Now), $"listener={listener.Listener.Id}");
        var unknown = await CheckAsync("anywhere", ReceiverCalls.Signed(listener.Secret, Body, Now), "listener=lst_missing");

        Assert.Equal(SignatureOutcome.Valid, named.Outcome);
        Assert.Equal((SignatureOutcome.NoListener, "no listener lst_missing"), (unknown.Outcome, unknown.Text));
    }

    private async Task<CreatedListener> CreateAsync(string url) =>
        (await fixture.Listeners.CreateAsync(Actor.System, CoreFixture.Input(url), default)).Value!;

    private async Task<SignatureCheck> CheckAsync(string bucket, (string, string)[] headers, string query = "")
    {
        var result = await Receiver.ReceiveAsync(bucket, ReceiverCalls.Post(bucket, query, Body, headers), default);
        return fixture.Get<ReceiverLog>().Requests(bucket).Single(r => r.Id == result.Value!.RequestId).Signature;
    }
}
