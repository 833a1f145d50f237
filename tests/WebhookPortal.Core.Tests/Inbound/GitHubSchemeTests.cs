using WebhookPortal.Core.Inbound;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Inbound;

public sealed class GitHubSchemeTests
{
    private const string Secret = "It's a Secret to Everybody";
    private const string Body = """{"action":"opened","number":7}""";
    private static readonly TimeWindow Window = new(DateTimeOffset.UnixEpoch.AddYears(56), TimeSpan.FromMinutes(5));
    private readonly GitHubScheme scheme = new();

    [Fact]
    public void Verify_Passes_ForGitHubsDocumentedExample()
    {
        // From GitHub's "Validating webhook deliveries": secret "It's a Secret to Everybody", payload "Hello, World!".
        var headers = InboundHeaders.Of(("X-Hub-Signature-256", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"));

        Assert.True(scheme.Verify(headers, ProviderSignatures.Bytes("Hello, World!"), [Secret], null, Window).Succeeded);
    }

    [Fact]
    public void Verify_Passes_WhenTheSignatureIsComputedIndependently()
    {
        var result = Verify(("x-hub-signature-256", ProviderSignatures.GitHub(Secret, Body)));

        Assert.True(result.Succeeded, result.Detail);
    }

    [Fact]
    public void Verify_FailsWithSignatureMismatch_WhenTheBodyIsTampered()
    {
        var result = scheme.Verify(InboundHeaders.Of(("X-Hub-Signature-256", ProviderSignatures.GitHub(Secret, Body))),
            ProviderSignatures.Bytes(Body.Replace("7", "8")), [Secret], null, Window);

        Assert.Equal(RejectionReason.SignatureMismatch, result.Reason);
    }

    [Fact]
    public void Verify_FailsWithSignatureMismatch_WhenTheSecretIsWrong()
    {
        var result = Verify(("X-Hub-Signature-256", ProviderSignatures.GitHub("another secret of some length", Body)));

        Assert.Equal(RejectionReason.SignatureMismatch, result.Reason);
        Assert.DoesNotContain(ProviderSignatures.GitHub(Secret, Body)[7..], result.Detail);
    }

    [Fact]
    public void Verify_FailsWithMissingHeader_WhenOnlyTheSha1SignatureIsSent()
    {
        var result = Verify(("X-Hub-Signature", "sha1=0123456789abcdef0123456789abcdef01234567"));

        Assert.Equal(RejectionReason.MissingHeader, result.Reason);
        Assert.Contains("X-Hub-Signature-256", result.Detail);
    }

    [Theory]
    [InlineData("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=757107ea0eb2509f")]
    [InlineData("sha256=zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    public void Verify_FailsWithMalformedHeader_WhenTheHeaderIsNotSha256Hex(string header) =>
        Assert.Equal(RejectionReason.MalformedHeader, Verify(("X-Hub-Signature-256", header)).Reason);

    [Fact]
    public void DeliveryId_IsTheGitHubDeliveryHeader_WhenSent()
    {
        Assert.Equal("72d3162e-cc78-11e3-81ab-4c9367dc0958",
            scheme.DeliveryId(InboundHeaders.Of(("X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958")), default));
        Assert.Null(scheme.DeliveryId(InboundHeaders.Of(), default));
    }

    private Verification Verify(params (string Name, string Value)[] headers) =>
        scheme.Verify(InboundHeaders.Of(headers), ProviderSignatures.Bytes(Body), [Secret], null, Window);
}
