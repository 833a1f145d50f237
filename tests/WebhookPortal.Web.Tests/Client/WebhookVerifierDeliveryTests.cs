using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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

    [Fact]
    public async Task TheSampleReceiverOfTheDocs_AcceptsARealDelivery_AndRefusesATamperedCopy()
    {
        var listener = await portal.OwnListenerAsync("/verify/sample-source", "ord_sample");
        await using var receiver = await SampleReceiverAsync(listener.Secret!);
        await portal.Client.UpdateListenerAsync(listener.Id, new ListenerRequest("order.paid", receiver.Url)
        {
            Filters = listener.Filters, Version = listener.Version,
        });

        var published = await portal.Client.PublishAsync("order.paid", new { id = "ord_sample", amount = 5 });
        var delivery = await portal.FinishedDeliveryAsync(listener.Id, published.EventId);
        Assert.Equal(DeliveryStatus.Succeeded, delivery.Delivery.Status);
        Assert.Equal(204, Assert.Single(delivery.Attempts).ResponseStatus);

        // The same request again, as recorded, is accepted; with one changed digit in the body it is refused.
        var signed = JsonHeaders(delivery.Attempts[0].RequestHeaders);
        Assert.StartsWith("v1,", signed["webhook-signature"]);
        Assert.Equal(HttpStatusCode.NoContent, await PostAsync(receiver.Url, delivery.Payload, signed));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(receiver.Url, delivery.Payload.Replace("5", "500", StringComparison.Ordinal), signed));
    }

    private static async Task<HttpStatusCode> PostAsync(string url, string body, Dictionary<string, string> signed)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var name in new[] { "webhook-id", "webhook-timestamp", "webhook-signature" })
        {
            request.Headers.TryAddWithoutValidation(name, signed[name]);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The receiver of docs/receiving-webhooks.md, as written there, on a free 127.0.0.1 port.</summary>
    private static async Task<SampleReceiver> SampleReceiverAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/webhooks/orders", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var check = WebhookVerifier.Check(request.Headers, body.ToArray(), secret);
            if (!check.IsValid) return Results.Problem(check.Message, statusCode: 401);
            return Results.NoContent();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new SampleReceiver(app, address + "/webhooks/orders");
    }

    private static Dictionary<string, string> JsonHeaders(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(json)!
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value);

    private sealed record SampleReceiver(WebApplication App, string Url) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
