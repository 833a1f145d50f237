using System.Text;
using WebhookPortal.Client;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Client;

/// <summary>
/// <see cref="WebhookVerifier"/> on what the delivery engine really sends to a real receiver: the requests as they
/// arrived verify with the listener's secret, and any change to them does not.
/// </summary>
[Collection(DeliveringPortalCollection.Name)]
public sealed class WebhookVerifierDeliveryTests(DeliveringPortalFixture portal)
{
    [Fact]
    public async Task Verify_AcceptsARealDelivery_AndRejectsItTampered()
    {
        var listener = await portal.OwnListenerAsync("/verify/real", "ord_verify");
        var published = await portal.Client.PublishAsync("order.paid", new { id = "ord_verify", amount = 30, currency = "EUR" });
        var request = (await portal.Receiver.WaitForAsync("/verify/real", 1, TimeSpan.FromSeconds(20))).Single();

        var result = WebhookVerifier.Verify(request.Headers, request.Body, listener.Secret!);

        Assert.True(result.IsValid);
        var delivery = await portal.FinishedDeliveryAsync(listener.Id, published.EventId);
        Assert.Equal(delivery.Delivery.Id, result.WebhookId);

        var tamperedBody = Encoding.UTF8.GetBytes(request.BodyText.Replace("30", "3000", StringComparison.Ordinal));
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, WebhookVerifier.Check(request.Headers, tamperedBody, listener.Secret!).Failure);
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch,
            WebhookVerifier.Check(request.Headers, request.Body, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").Failure);
        var later = new WebhookVerifierOptions { TimeProvider = new ManualClock(result.Timestamp!.Value.AddMinutes(6)) };
        Assert.Equal(WebhookVerificationFailure.TimestampTooOld, WebhookVerifier.Check(request.Headers, request.Body, listener.Secret!, later).Failure);
        var earlier = new WebhookVerifierOptions { TimeProvider = new ManualClock(result.Timestamp!.Value.AddMinutes(-6)) };
        Assert.Equal(WebhookVerificationFailure.TimestampInFuture, WebhookVerifier.Check(request.Headers, request.Body, listener.Secret!, earlier).Failure);
        var unsigned = request.Headers.Where(h => h.Key != "webhook-signature");
        Assert.Equal(WebhookVerificationFailure.MissingHeader, WebhookVerifier.Check(unsigned, request.Body, listener.Secret!).Failure);
    }

    [Fact]
    public async Task Verify_AcceptsADeliveryAfterARotation_WithTheNewAndThePreviousSecret()
    {
        var listener = await portal.OwnListenerAsync("/verify/rotated", "ord_rotated");
        var rotated = await portal.Client.RotateListenerSecretAsync(listener.Id);

        await portal.Client.PublishAsync("order.paid", new { id = "ord_rotated" });
        var request = (await portal.Receiver.WaitForAsync("/verify/rotated", 1, TimeSpan.FromSeconds(20))).Single();

        Assert.Equal(2, request.Header("webhook-signature")!.Split(' ').Length);
        Assert.True(WebhookVerifier.Check(request.Headers, request.Body, rotated.Secret).IsValid);
        Assert.True(WebhookVerifier.Check(request.Headers, request.Body, listener.Secret!).IsValid);
    }
}
