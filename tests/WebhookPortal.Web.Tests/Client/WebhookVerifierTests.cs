using System.Net.Http.Headers;
using System.Text;
using WebhookPortal.Client;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Client;

/// <summary>
/// <see cref="WebhookVerifier"/> on the Standard Webhooks reference vector and on messages signed by the engine's own
/// signer: what it accepts, and every way it refuses, each with its reason.
/// </summary>
public sealed class WebhookVerifierTests
{
    // The vector the Standard Webhooks and Svix reference libraries test their signing with.
    private const string VectorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string VectorId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long VectorTimestamp = 1614265330;
    private const string VectorBody = """{"test": 2432232314}""";
    private const string VectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private const string Secret = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oDqQx4AbcdEfg=";
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly WebhookVerifierOptions AtNow = new() { TimeProvider = new ManualClock(Now) };

    [Fact]
    public void Verify_AcceptsTheStandardWebhooksVector()
    {
        var result = WebhookVerifier.Verify(Headers(VectorId, VectorTimestamp, VectorSignature), VectorBody, VectorSecret, At(VectorTimestamp));

        Assert.True(result.IsValid);
        Assert.Equal(VectorId, result.WebhookId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp), result.Timestamp);
    }

    [Fact]
    public void TheEngineSigner_ProducesTheStandardWebhooksVector()
    {
        Assert.Equal(VectorSignature, WebhookSignature.Sign(VectorId, VectorTimestamp, Encoding.UTF8.GetBytes(VectorBody), [VectorSecret]));
    }

    [Theory]
    [InlineData("v1,bm9wZQ== " + VectorSignature)]
    [InlineData(VectorSignature + " v1,bm9wZQ==")]
    [InlineData("v1a,c29tZXRoaW5nIGVsc2U= " + VectorSignature)]
    [InlineData("  " + VectorSignature + "  ")]
    public void Verify_AcceptsTheVector_AmongOtherSignatures(string header)
    {
        Assert.True(WebhookVerifier.Check(Headers(VectorId, VectorTimestamp, header), VectorBody, VectorSecret, At(VectorTimestamp)).IsValid);
    }

    [Fact]
    public void Verify_AcceptsASecretWithoutItsPrefix()
    {
        Assert.True(WebhookVerifier.Check(Headers(VectorId, VectorTimestamp, VectorSignature), VectorBody, VectorSecret["whsec_".Length..],
            At(VectorTimestamp)).IsValid);
    }

    [Fact]
    public void Verify_AcceptsEitherSecret_DuringARotation()
    {
        const string previous = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var (headers, body) = Signed("""{"id":"ord_1"}""", Now, Secret, previous);

        Assert.True(WebhookVerifier.Check(headers, body, Secret, AtNow).IsValid);
        Assert.True(WebhookVerifier.Check(headers, body, previous, AtNow).IsValid);
    }

    [Fact]
    public void Verify_ThrowsSignatureMismatch_ForATamperedBody()
    {
        var (headers, _) = Signed("""{"id":"ord_1","amount":10}""", Now);

        var error = Assert.Throws<WebhookVerificationException>(() =>
            WebhookVerifier.Verify(headers, """{"id":"ord_1","amount":1000}""", Secret, AtNow));

        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, error.Failure);
        Assert.Contains("No signature matches", error.Message);
    }

    [Fact]
    public void Verify_RefusesATamperedSignature()
    {
        var (headers, body) = Signed("""{"id":"ord_1"}""", Now);
        var signature = headers["webhook-signature"];
        var flipped = signature[..^2] + (signature[^2] == 'A' ? 'B' : 'A') + signature[^1];
        headers["webhook-signature"] = flipped;

        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, WebhookVerifier.Check(headers, body, Secret, AtNow).Failure);
    }

    [Fact]
    public void Verify_RefusesATamperedIdOrTimestamp()
    {
        var (headers, body) = Signed("""{"id":"ord_1"}""", Now);
        var otherId = new Dictionary<string, string>(headers) { ["webhook-id"] = "dlv_someone_else" };
        var otherTime = new Dictionary<string, string>(headers) { ["webhook-timestamp"] = (Now.ToUnixTimeSeconds() - 1).ToString() };

        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, WebhookVerifier.Check(otherId, body, Secret, AtNow).Failure);
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, WebhookVerifier.Check(otherTime, body, Secret, AtNow).Failure);
    }

    [Fact]
    public void Verify_RefusesTheWrongSecret()
    {
        var (headers, body) = Signed("""{"id":"ord_1"}""", Now);

        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, WebhookVerifier.Check(headers, body, VectorSecret, AtNow).Failure);
    }

    [Theory]
    [InlineData(-301, WebhookVerificationFailure.TimestampTooOld)]
    [InlineData(-3600, WebhookVerificationFailure.TimestampTooOld)]
    [InlineData(301, WebhookVerificationFailure.TimestampInFuture)]
    [InlineData(-299, WebhookVerificationFailure.None)]
    [InlineData(299, WebhookVerificationFailure.None)]
    public void Verify_HoldsTimestampsToFiveMinutesEitherWay(int secondsFromNow, WebhookVerificationFailure expected)
    {
        var (headers, body) = Signed("""{"id":"ord_1"}""", Now.AddSeconds(secondsFromNow));

        Assert.Equal(expected, WebhookVerifier.Check(headers, body, Secret, AtNow).Failure);
    }

    [Fact]
    public void Verify_TakesAnotherTolerance()
    {
        var (headers, body) = Signed("""{"id":"ord_1"}""", Now.AddMinutes(-8));
        var lenient = new WebhookVerifierOptions { Tolerance = TimeSpan.FromMinutes(10), TimeProvider = new ManualClock(Now) };

        Assert.Equal(WebhookVerificationFailure.TimestampTooOld, WebhookVerifier.Check(headers, body, Secret, AtNow).Failure);
        Assert.True(WebhookVerifier.Check(headers, body, Secret, lenient).IsValid);
    }

    [Theory]
    [InlineData("webhook-id")]
    [InlineData("webhook-timestamp")]
    [InlineData("webhook-signature")]
    public void Verify_NamesTheMissingHeader(string header)
    {
        var (headers, body) = Signed("""{"id":"ord_1"}""", Now);
        headers.Remove(header);

        var result = WebhookVerifier.Check(headers, body, Secret, AtNow);

        Assert.Equal(WebhookVerificationFailure.MissingHeader, result.Failure);
        Assert.Contains(header, result.Message);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-5")]
    [InlineData("1614265330.5")]
    [InlineData("99999999999999999999")]
    public void Verify_RefusesATimestampThatIsNotSeconds(string timestamp)
    {
        var (headers, body) = Signed("""{"id":"ord_1"}""", Now);
        headers["webhook-timestamp"] = timestamp;

        Assert.Equal(WebhookVerificationFailure.InvalidTimestamp, WebhookVerifier.Check(headers, body, Secret, AtNow).Failure);
    }

    [Theory]
    [InlineData("v2,abc")]
    [InlineData("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v1,not base64!")]
    public void Verify_RefusesAHeaderWithoutAV1Signature(string signature)
    {
        var headers = Headers(VectorId, VectorTimestamp, signature);

        Assert.Equal(WebhookVerificationFailure.NoSupportedSignature,
            WebhookVerifier.Check(headers, VectorBody, VectorSecret, At(VectorTimestamp)).Failure);
    }

    [Fact]
    public void Verify_ReadsHeaderNamesInAnyCase_AndHttpHeaders()
    {
        using var request = new HttpRequestMessage();
        request.Headers.TryAddWithoutValidation("Webhook-Id", VectorId);
        request.Headers.TryAddWithoutValidation("WEBHOOK-TIMESTAMP", VectorTimestamp.ToString());
        request.Headers.TryAddWithoutValidation("Webhook-Signature", VectorSignature);

        Assert.True(WebhookVerifier.Check<IEnumerable<string>>(request.Headers, VectorBody, VectorSecret, At(VectorTimestamp)).IsValid);
    }

    [Theory]
    [InlineData("whsec_not base64")]
    [InlineData("whsec_")]
    [InlineData(" ")]
    public void Verify_ThrowsArgumentException_ForASecretThatIsNotOne(string secret)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() =>
            WebhookVerifier.Check(Headers(VectorId, VectorTimestamp, VectorSignature), VectorBody, secret, At(VectorTimestamp)));

        Assert.Equal("secret", error.ParamName);
    }

    private static Dictionary<string, string> Headers(string id, long timestamp, string signature) => new()
    {
        ["webhook-id"] = id, ["webhook-timestamp"] = timestamp.ToString(), ["webhook-signature"] = signature,
    };

    private static WebhookVerifierOptions At(long unixSeconds) =>
        new() { TimeProvider = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)) };

    /// <summary>A message signed by the engine's signer, as a delivery would carry it.</summary>
    private static (Dictionary<string, string> Headers, string Body) Signed(string body, DateTimeOffset at, params string[] secrets)
    {
        var timestamp = at.ToUnixTimeSeconds();
        var signature = WebhookSignature.Sign("dlv_01TEST", timestamp, Encoding.UTF8.GetBytes(body), secrets.Length == 0 ? [Secret] : secrets);
        return (Headers("dlv_01TEST", timestamp, signature), body);
    }
}
