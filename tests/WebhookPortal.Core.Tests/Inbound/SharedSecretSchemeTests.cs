using WebhookPortal.Core.Inbound;

namespace WebhookPortal.Core.Tests.Inbound;

public sealed class SharedSecretSchemeTests
{
    private const string Secret = "s3cr3t-token-0123456789abcdef";
    private static readonly TimeWindow Window = new(DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(5));
    private readonly SharedSecretScheme scheme = new();

    [Theory]
    [InlineData("X-Webhook-Token")]
    [InlineData("x-webhook-token")]
    [InlineData("X-WEBHOOK-TOKEN")]
    public void Verify_Passes_WhenTheHeaderHoldsTheSecret_WhateverTheCaseOfItsName(string sentName) =>
        Assert.True(Verify((sentName, Secret)).Succeeded);

    [Theory]
    [InlineData("s3cr3t-token-0123456789abcdeF")]
    [InlineData("s3cr3t-token-0123456789abcde")]
    [InlineData("s3cr3t-token-0123456789abcdef0")]
    [InlineData("wrong")]
    public void Verify_FailsWithSignatureMismatch_WhenTheValueDiffers(string sent)
    {
        var result = Verify(("X-Webhook-Token", sent));

        Assert.Equal(RejectionReason.SignatureMismatch, result.Reason);
        Assert.DoesNotContain(Secret, result.Detail);
    }

    [Fact]
    public void Verify_FailsWithMissingHeader_WhenTheHeaderIsAbsent() =>
        Assert.Equal(RejectionReason.MissingHeader, Verify(("Authorization", Secret)).Reason);

    [Fact]
    public void Verify_FailsWithMalformedHeader_WhenTheHeaderIsSentTwice() =>
        Assert.Equal(RejectionReason.MalformedHeader, Verify(("X-Webhook-Token", "x"), ("X-Webhook-Token", Secret)).Reason);

    [Theory]
    [InlineData("short", false)]
    [InlineData(" leading-space-0123456789", false)]
    [InlineData("tab\tinside-0123456789abc", false)]
    [InlineData("ünïcödé-0123456789abcdef", false)]
    [InlineData(Secret, true)]
    public void CheckSecret_AcceptsOnlyLongPrintableAscii(string candidate, bool valid) =>
        Assert.Equal(valid, scheme.CheckSecret(candidate) is null);

    private Verification Verify(params (string Name, string Value)[] headers) =>
        scheme.Verify(InboundHeaders.Of(headers), [], [Secret], "X-Webhook-Token", Window);
}
