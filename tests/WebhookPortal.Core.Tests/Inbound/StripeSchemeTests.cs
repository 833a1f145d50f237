using System.Text.Json;
using WebhookPortal.Core.Inbound;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Inbound;

public sealed class StripeSchemeTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"; // base64 after the prefix, like a real one
    private const string Body = """{"id":"evt_1NG8Du2eZvKYlo2CUI79vXWy","object":"event","type":"charge.succeeded"}""";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_790_000_000);
    private static readonly TimeWindow Window = new(Now, TimeSpan.FromMinutes(5));
    private readonly StripeScheme scheme = new();

    private static long T => Now.ToUnixTimeSeconds();

    [Fact]
    public void Verify_Passes_WhenTheSignatureIsComputedIndependently()
    {
        var result = Verify($"t={T},v1={ProviderSignatures.StripeV1(Secret, T, Body)}");

        Assert.True(result.Succeeded, result.Detail);
    }

    [Fact]
    public void Verify_Passes_WhenOneOfSeveralV1SignaturesMatches_AndIgnoresV0()
    {
        var other = ProviderSignatures.StripeV1("whsec_another_secret_entirely", T, Body);
        var header = $"t={T}, v1={other}, v1=nothex, v1={ProviderSignatures.StripeV1(Secret, T, Body)}, v0={other}";

        Assert.True(Verify(header).Succeeded);
    }

    [Fact]
    public void Verify_KeysWithTheSecretAsText_NotItsBase64()
    {
        var decodedKey = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Convert.FromBase64String(Secret["whsec_".Length..]), ProviderSignatures.Bytes($"{T}.{Body}")));

        Assert.Equal(RejectionReason.SignatureMismatch, Verify($"t={T},v1={decodedKey}").Reason);
    }

    [Fact]
    public void Verify_FailsWithSignatureMismatch_WhenTheBodyIsTampered()
    {
        var result = scheme.Verify(InboundHeaders.Of(("Stripe-Signature", $"t={T},v1={ProviderSignatures.StripeV1(Secret, T, Body)}")),
            ProviderSignatures.Bytes(Body.Replace("succeeded", "refunded")), [Secret], null, Window);

        Assert.Equal(RejectionReason.SignatureMismatch, result.Reason);
    }

    [Fact]
    public void Verify_FailsWithSignatureMismatch_WhenTheSecretIsWrong()
    {
        var result = Verify($"t={T},v1={ProviderSignatures.StripeV1("whsec_someone_elses_secret", T, Body)}");

        Assert.Equal(RejectionReason.SignatureMismatch, result.Reason);
        Assert.DoesNotContain(ProviderSignatures.StripeV1(Secret, T, Body), result.Detail);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Verify_FailsWithTimestampOutsideTolerance_WhenTheTimestampIsTooFarFromNow(int offsetSeconds)
    {
        var t = T + offsetSeconds;

        Assert.Equal(RejectionReason.TimestampOutsideTolerance, Verify($"t={t},v1={ProviderSignatures.StripeV1(Secret, t, Body)}").Reason);
    }

    [Fact]
    public void Verify_FailsWithMissingHeader_WhenStripeSignatureIsAbsent() =>
        Assert.Equal(RejectionReason.MissingHeader, scheme.Verify(InboundHeaders.Of(), ProviderSignatures.Bytes(Body), [Secret], null, Window).Reason);

    [Theory]
    [InlineData("v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd")]
    [InlineData("t=1790000000")]
    [InlineData("t=1790000000,v0=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd")]
    [InlineData("t=yesterday,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd")]
    [InlineData("t=1,t=2,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd")]
    [InlineData("garbage")]
    public void Verify_FailsWithMalformedHeader_WhenTheHeaderCannotBeRead(string header) =>
        Assert.Equal(RejectionReason.MalformedHeader, Verify(header).Reason);

    [Fact]
    public void DeliveryId_IsTheEventIdOfTheBody_WhenItIsAString()
    {
        using var withId = JsonDocument.Parse(Body);
        using var numericId = JsonDocument.Parse("""{"id":42}""");

        Assert.Equal("evt_1NG8Du2eZvKYlo2CUI79vXWy", scheme.DeliveryId(InboundHeaders.Of(), withId.RootElement));
        Assert.Null(scheme.DeliveryId(InboundHeaders.Of(), numericId.RootElement));
    }

    [Theory]
    [InlineData(Secret, true)]
    [InlineData("whsec_", false)]
    [InlineData("sk_live_51H8abcdefghijklmnop", false)]
    public void CheckSecret_WantsTheEndpointsSigningSecret(string candidate, bool valid) =>
        Assert.Equal(valid, scheme.CheckSecret(candidate) is null);

    private Verification Verify(string header) =>
        scheme.Verify(InboundHeaders.Of(("stripe-signature", header)), ProviderSignatures.Bytes(Body), [Secret], null, Window);
}
