using WebhookPortal.Core.Inbound;
using WebhookPortal.Core.Listeners;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Inbound;

public sealed class StandardWebhooksSchemeTests
{
    // The example published with the specification (standard-webhooks, libraries' test vectors).
    private const string ReferenceSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string ReferenceId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long ReferenceTimestamp = 1614265330;
    private const string ReferenceBody = """{"test": 2432232314}""";
    private const string ReferenceSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_790_000_000);
    private static readonly TimeWindow Window = new(Now, TimeSpan.FromMinutes(5));
    private readonly StandardWebhooksScheme scheme = new();
    private readonly string secret = ListenerSecret.Generate();

    [Fact]
    public void Verify_Passes_ForThePublishedReferenceExample()
    {
        var headers = Headers(ReferenceId, ReferenceTimestamp, ReferenceSignature);

        var result = scheme.Verify(headers, ProviderSignatures.Bytes(ReferenceBody), [ReferenceSecret], null,
            new TimeWindow(DateTimeOffset.FromUnixTimeSeconds(ReferenceTimestamp), TimeSpan.FromMinutes(5)));

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal(ReferenceSignature, ProviderSignatures.StandardWebhooks(ReferenceSecret, ReferenceId, ReferenceTimestamp, ReferenceBody));
    }

    [Fact]
    public void Verify_Passes_WhenTheSignatureIsComputedIndependently()
    {
        var result = Verify(Signed("""{"type":"invoice.paid"}"""), """{"type":"invoice.paid"}""");

        Assert.True(result.Succeeded, result.Detail);
    }

    [Fact]
    public void Verify_Passes_WhenOneOfSeveralSignaturesMatches()
    {
        const string body = """{"n":1}""";
        var good = ProviderSignatures.StandardWebhooks(secret, "msg_1", Now.ToUnixTimeSeconds(), body);
        var other = ProviderSignatures.StandardWebhooks(ListenerSecret.Generate(), "msg_1", Now.ToUnixTimeSeconds(), body);
        var headers = Headers("msg_1", Now.ToUnixTimeSeconds(), $"{other} v1a,c29tZXRoaW5nIGVsc2U= v1,!!notbase64 {good}");

        Assert.True(Verify(headers, body).Succeeded);
    }

    [Fact]
    public void Verify_Passes_WithThePreviousSecretDuringARotation()
    {
        var previous = ListenerSecret.Generate();
        var headers = Headers("msg_1", Now.ToUnixTimeSeconds(), ProviderSignatures.StandardWebhooks(previous, "msg_1", Now.ToUnixTimeSeconds(), "{}"));

        Assert.True(scheme.Verify(headers, ProviderSignatures.Bytes("{}"), [secret, previous], null, Window).Succeeded);
    }

    [Fact]
    public void Verify_FailsWithSignatureMismatch_WhenTheBodyIsTampered()
    {
        var result = Verify(Signed("""{"amount":10}"""), """{"amount":1000}""");

        Assert.Equal(RejectionReason.SignatureMismatch, result.Reason);
    }

    [Fact]
    public void Verify_FailsWithSignatureMismatch_WhenTheSecretIsWrong()
    {
        var headers = Headers("msg_1", Now.ToUnixTimeSeconds(), ProviderSignatures.StandardWebhooks(ListenerSecret.Generate(), "msg_1", Now.ToUnixTimeSeconds(), "{}"));

        var result = Verify(headers, "{}");

        Assert.Equal(RejectionReason.SignatureMismatch, result.Reason);
        Assert.DoesNotContain(ProviderSignatures.StandardWebhooks(secret, "msg_1", Now.ToUnixTimeSeconds(), "{}")[3..], result.Detail);
    }

    [Theory]
    [InlineData(-301, "301 seconds in the past")]
    [InlineData(301, "301 seconds in the future")]
    public void Verify_FailsWithTimestampOutsideTolerance_WhenTheTimestampIsTooFarFromNow(int offsetSeconds, string wording)
    {
        var result = Verify(Signed("{}", Now.ToUnixTimeSeconds() + offsetSeconds), "{}");

        Assert.Equal(RejectionReason.TimestampOutsideTolerance, result.Reason);
        Assert.Contains(wording, result.Detail);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void Verify_Passes_WhenTheTimestampIsAtTheEdgeOfTheTolerance(int offsetSeconds) =>
        Assert.True(Verify(Signed("{}", Now.ToUnixTimeSeconds() + offsetSeconds), "{}").Succeeded);

    [Fact]
    public void Verify_ReportsTheSignatureFirst_WhenAForgedRequestIsAlsoOld()
    {
        var headers = Headers("msg_1", Now.ToUnixTimeSeconds() - 3600, "v1," + Convert.ToBase64String(new byte[32]));

        Assert.Equal(RejectionReason.SignatureMismatch, Verify(headers, "{}").Reason);
    }

    [Theory]
    [InlineData("webhook-id")]
    [InlineData("webhook-timestamp")]
    [InlineData("webhook-signature")]
    public void Verify_FailsWithMissingHeader_WhenAHeaderIsMissing(string missing)
    {
        var all = Signed("{}");
        var headers = InboundHeaders.Of(Pairs(all).Where(h => h.Name != missing).ToArray());

        var result = Verify(headers, "{}");

        Assert.Equal(RejectionReason.MissingHeader, result.Reason);
        Assert.Contains(missing, result.Detail);
    }

    [Theory]
    [InlineData("1614265330.5", "v1,AAAA")]
    [InlineData("-1614265330", "v1,AAAA")]
    [InlineData("soon", "v1,AAAA")]
    [InlineData("1614265330", "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("1614265330", "v1,tooshort")]
    [InlineData("1614265330", "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    public void Verify_FailsWithMalformedHeader_WhenAHeaderCannotBeRead(string timestamp, string signature)
    {
        var headers = InboundHeaders.Of(("webhook-id", "msg_1"), ("webhook-timestamp", timestamp), ("webhook-signature", signature));

        Assert.Equal(RejectionReason.MalformedHeader, Verify(headers, "{}").Reason);
    }

    [Fact]
    public void Verify_FailsWithMalformedHeader_WhenAHeaderIsSentTwice()
    {
        var signed = Pairs(Signed("{}"));
        var headers = InboundHeaders.Of([.. signed, ("Webhook-Id", "msg_other")]);

        Assert.Equal(RejectionReason.MalformedHeader, Verify(headers, "{}").Reason);
    }

    [Fact]
    public void Verify_DoesNotDependOnTheCaseOrOrderOfHeaderNames()
    {
        var signature = ProviderSignatures.StandardWebhooks(secret, "msg_1", Now.ToUnixTimeSeconds(), "{}");
        var headers = InboundHeaders.Of(("WEBHOOK-SIGNATURE", signature), ("Webhook-Timestamp", Now.ToUnixTimeSeconds().ToString()), ("webHook-ID", "msg_1"));

        Assert.True(Verify(headers, "{}").Succeeded);
        Assert.Equal("msg_1", scheme.DeliveryId(headers, default));
    }

    [Theory]
    [InlineData(ReferenceSecret, true)]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", true)]
    [InlineData("whsec_c2hvcnQ=", false)]
    [InlineData("whsec_not base64!", false)]
    [InlineData("sk_live_123", false)]
    public void CheckSecret_AcceptsOnlyBase64OfEnoughBytes(string candidate, bool valid) =>
        Assert.Equal(valid, scheme.CheckSecret(candidate) is null);

    private Verification Verify(InboundHeaders headers, string body) => scheme.Verify(headers, ProviderSignatures.Bytes(body), [secret], null, Window);

    private InboundHeaders Signed(string body, long? timestamp = null)
    {
        var at = timestamp ?? Now.ToUnixTimeSeconds();
        return Headers("msg_1", at, ProviderSignatures.StandardWebhooks(secret, "msg_1", at, body));
    }

    private static InboundHeaders Headers(string id, long timestamp, string signature) =>
        InboundHeaders.Of(("webhook-id", id), ("webhook-timestamp", timestamp.ToString()), ("webhook-signature", signature));

    private static (string Name, string Value)[] Pairs(InboundHeaders headers) =>
        headers.Names.Select(name => (name, headers.Single(name)!)).ToArray();
}
