using System.Net;
using System.Net.Sockets;
using WebhookPortal.Core.Egress;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Egress;

/// <summary>
/// The connector against real sockets on loopback: a responder on 127.0.0.1 counts what reaches it, and a
/// stub resolver says what each name resolves to. Private networks are off unless a test opens something.
/// </summary>
public sealed class EgressConnectorTests : IAsyncLifetime
{
    private readonly StubHostResolver resolver = new();
    private readonly LocalResponder responder = new(IPAddress.Loopback);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await responder.DisposeAsync();

    [Fact]
    public async Task Connect_ThrowsBlockedAndConnectsNothing_WhenTheNameResolvesToLoopback()
    {
        resolver.Answer("internal.example", [IPAddress.Loopback]);

        var blocked = await Assert.ThrowsAsync<BlockedDestinationException>(() => ConnectAsync(Connector(), "internal.example"));

        Assert.Equal(
            "internal.example resolves to 127.0.0.1, a loopback address; deliveries to private networks are turned off " +
            "(Delivery:AllowPrivateNetworks) and Delivery:AllowedNetworks does not include it",
            blocked.Message);
        Assert.Equal(0, await responder.ConnectionsAsync());
    }

    [Fact]
    public async Task Connect_ThrowsBlockedWithoutResolving_WhenTheHostIsARefusedAddress()
    {
        var blocked = await Assert.ThrowsAsync<BlockedDestinationException>(() => ConnectAsync(Connector(), "127.0.0.1"));

        Assert.StartsWith("127.0.0.1 is a loopback address;", blocked.Message);
        Assert.Equal(0, resolver.Lookups("127.0.0.1"));
        Assert.Equal(0, await responder.ConnectionsAsync());
    }

    // ::1 stands in for a public address (opened by Delivery:AllowedNetworks), so no test leaves the machine;
    // it listens on the same port as 127.0.0.1, so a connection to the refused address would be counted.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Connect_NeverReachesTheRefusedAddress_WhenTheNameAnswersDifferentlyEachTime(bool allowedAnswerFirst)
    {
        await using var elsewhere = new LocalResponder(IPAddress.IPv6Loopback, responder.Port);
        IPAddress[] allowed = [IPAddress.IPv6Loopback], refused = [IPAddress.Loopback];
        resolver.Answer("rebind.example", allowedAnswerFirst ? [allowed, refused] : [refused, allowed]);
        var connector = Connector(false, "::1/128");
        var outcomes = new List<string>();

        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                await using var stream = await connector.ConnectAsync(new DnsEndPoint("rebind.example", responder.Port), default);
                outcomes.Add("connected");
            }
            catch (BlockedDestinationException)
            {
                outcomes.Add("blocked");
            }
        }

        Assert.Equal(allowedAnswerFirst ? ["connected", "blocked"] : ["blocked", "connected"], outcomes);
        Assert.Equal(2, resolver.Lookups("rebind.example")); // one lookup per connection: the address checked is the one used
        Assert.Equal(0, await responder.ConnectionsAsync());
        Assert.Equal(1, await elsewhere.ConnectionsAsync());
    }

    [Fact]
    public async Task Connect_UsesTheFirstAllowedAddress_WhenOthersAreRefused()
    {
        resolver.Answer("mixed.example", [IPAddress.Parse("10.0.0.5"), IPAddress.Loopback]);

        await using var stream = await ConnectAsync(Connector(false, "127.0.0.1/32"), "mixed.example");

        Assert.Equal(1, await responder.ConnectionsAsync());
    }

    [Fact]
    public async Task Connect_ThrowsHostNotFoundAndConnectsNothing_WhenTheNameDoesNotResolve()
    {
        var error = await Assert.ThrowsAsync<SocketException>(() => ConnectAsync(Connector(true), "nowhere.invalid"));

        Assert.Equal(SocketError.HostNotFound, error.SocketErrorCode);
        Assert.Equal(0, await responder.ConnectionsAsync());
    }

    [Fact]
    public async Task Connect_ThrowsHostNotFound_WhenTheNameResolvesToNoAddress()
    {
        resolver.Answer("empty.example", Array.Empty<IPAddress>());

        var error = await Assert.ThrowsAsync<SocketException>(() => ConnectAsync(Connector(true), "empty.example"));

        Assert.Equal(SocketError.HostNotFound, error.SocketErrorCode);
    }

    [Fact]
    public async Task Connect_LetsTheSocketErrorThrough_WhenNothingListens()
    {
        var connector = Connector(true);

        var error = await Assert.ThrowsAsync<SocketException>(
            async () => await connector.ConnectAsync(new DnsEndPoint("localhost", LocalResponder.ClosedPort()), default));

        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
    }

    private EgressConnector Connector(bool? allowPrivateNetworks = false, params string[] allowedNetworks) =>
        new(EgressSettings.Policy(allowPrivateNetworks, allowedNetworks), resolver, EgressSettings.Options(allowPrivateNetworks, allowedNetworks));

    private async Task<Stream> ConnectAsync(EgressConnector connector, string host) =>
        await connector.ConnectAsync(new DnsEndPoint(host, responder.Port), default);
}
