using System.Net;
using WebhookPortal.Core.Egress;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Egress;

/// <summary>The connector plugged into a real <see cref="HttpClient"/>, as the dispatcher uses it, against a responder on loopback.</summary>
public sealed class EgressConnectorHttpClientTests : IAsyncLifetime
{
    private readonly StubHostResolver resolver = new StubHostResolver().Answer("receiver.example", [IPAddress.Loopback]);
    private readonly LocalResponder responder = new(IPAddress.Loopback);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await responder.DisposeAsync();

    [Theory]
    [InlineData("receiver.example")]
    [InlineData("127.0.0.1")]
    public async Task Send_Answers200_WhenTheDestinationIsAllowed(string host)
    {
        using var client = Client(allowedNetworks: "127.0.0.1/32");

        using var response = await client.GetAsync($"http://{host}:{responder.Port}/hook");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, responder.Requests);
    }

    [Fact]
    public async Task Send_Answers200_WhenTheUrlHoldsAnIPv6Literal()
    {
        await using var ipv6 = new LocalResponder(IPAddress.IPv6Loopback);
        using var client = Client(allowedNetworks: "::1/128");

        using var response = await client.GetAsync($"http://[::1]:{ipv6.Port}/hook");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("receiver.example")]
    [InlineData("127.0.0.1")]
    public async Task Send_FailsWithBlockedDestination_AndNothingArrives_WhenTheDestinationIsRefused(string host)
    {
        using var client = Client();

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"http://{host}:{responder.Port}/hook"));

        var blocked = Assert.IsType<BlockedDestinationException>(failure.InnerException);
        Assert.Contains("a loopback address", blocked.Message);
        Assert.Equal(0, await responder.ConnectionsAsync());
        Assert.Equal(0, responder.Requests);
    }

    private HttpClient Client(params string[] allowedNetworks)
    {
        var connector = new EgressConnector(
            EgressSettings.Policy(false, allowedNetworks), resolver, EgressSettings.Options(false, allowedNetworks));
        return new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = connector.ConnectAsync,
            AllowAutoRedirect = false,
            UseProxy = false,
        })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
    }
}
