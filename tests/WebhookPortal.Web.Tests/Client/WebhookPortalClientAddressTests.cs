using System.Net;
using WebhookPortal.Client;

namespace WebhookPortal.Web.Tests.Client;

/// <summary>Where the client sends its calls and what it sends with them, whatever form the portal's address takes.</summary>
public sealed class WebhookPortalClientAddressTests
{
    [Theory]
    [InlineData("http://portal.test/hooks", "http://portal.test/hooks/api/listeners/lst_1")]
    [InlineData("http://portal.test/hooks/", "http://portal.test/hooks/api/listeners/lst_1")]
    [InlineData("http://portal.test", "http://portal.test/api/listeners/lst_1")]
    public async Task Calls_GoBelowThePortalsAddress_WithTheBearerKey(string portal, string expected)
    {
        var recorder = new RecordingHandler();
        using var client = new WebhookPortalClient(new HttpClient(recorder) { BaseAddress = new Uri(portal) }, "  the-key  ");

        await Assert.ThrowsAsync<WebhookPortalApiException>(() => client.GetListenerAsync("lst_1"));

        var request = Assert.Single(recorder.Requests);
        Assert.Equal(expected, request.RequestUri!.ToString());
        Assert.Equal("Bearer the-key", request.Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task Ids_AreEscaped_InThePath()
    {
        var recorder = new RecordingHandler();
        using var client = new WebhookPortalClient(new HttpClient(recorder) { BaseAddress = new Uri("http://portal.test/") }, "key");

        await Assert.ThrowsAsync<WebhookPortalApiException>(() => client.GetDeliveryAsync("dlv_1/../../accounts"));

        Assert.Equal("/api/deliveries/dlv_1%2F..%2F..%2Faccounts", Assert.Single(recorder.Requests).RequestUri!.AbsolutePath);
    }

    [Fact]
    public void Constructor_RefusesAnHttpClientWithoutAnAddress_AndBadOptions()
    {
        Assert.Throws<ArgumentException>(() => new WebhookPortalClient(new HttpClient(), "key"));
        Assert.Throws<ArgumentException>(() => new WebhookPortalClient(new Uri("http://portal.test/"), " "));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new WebhookPortalClient(new Uri("http://portal.test/"), "key", new WebhookPortalClientOptions { MaxRetries = -1 }));
    }

    [Fact]
    public async Task AnAnswerThatIsNotProblemDetails_StillSaysWhatHappened()
    {
        var recorder = new RecordingHandler { Answer = () => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>proxy error</html>") } };
        using var client = new WebhookPortalClient(new HttpClient(recorder) { BaseAddress = new Uri("http://portal.test/") }, "key",
            new WebhookPortalClientOptions { MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<WebhookPortalApiException>(() => client.ListDeliveriesAsync());

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal("<html>proxy error</html>", error.Detail);
        Assert.Empty(error.Errors);
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        public Func<HttpResponseMessage> Answer { get; init; } = () => new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            Content = new StringContent("""{"title":"Not found","status":404}"""),
        };

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(Answer());
        }
    }
}
