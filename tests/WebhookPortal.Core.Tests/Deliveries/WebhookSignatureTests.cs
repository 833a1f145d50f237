using System.Text;
using WebhookPortal.Core.Deliveries;

namespace WebhookPortal.Core.Tests.Deliveries;

/// <summary>Signatures checked against the Standard Webhooks reference example and the portal's own verifier.</summary>
public sealed class WebhookSignatureTests
{
    // The example published with the Standard Webhooks specification.
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string MessageId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("""{"test": 2432232314}""");

    [Fact]
    public void Sign_MatchesTheReferenceExample() =>
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.Sign(MessageId, Timestamp, Payload, [Secret]));

    [Fact]
    public void Sign_GivesOneSignaturePerSecret_SpaceSeparated_DuringARotation()
    {
        var next = Core.Listeners.ListenerSecret.Generate();

        var header = WebhookSignature.Sign(MessageId, Timestamp, Payload, [next, Secret]);

        var parts = header.Split(' ');
        Assert.Equal(2, parts.Length);
        Assert.Equal(WebhookSignature.Sign(MessageId, Timestamp, Payload, [next]), parts[0]);
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", parts[1]);
    }

    [Fact]
    public void Sign_ChangesWithAnyPartOfTheSignedContent()
    {
        var original = WebhookSignature.Sign(MessageId, Timestamp, Payload, [Secret]);

        Assert.NotEqual(original, WebhookSignature.Sign(MessageId + "x", Timestamp, Payload, [Secret]));
        Assert.NotEqual(original, WebhookSignature.Sign(MessageId, Timestamp + 1, Payload, [Secret]));
        Assert.NotEqual(original, WebhookSignature.Sign(MessageId, Timestamp, Encoding.UTF8.GetBytes("""{"test": 2432232315}"""), [Secret]));
    }
}
