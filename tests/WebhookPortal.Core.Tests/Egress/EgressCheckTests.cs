using System.Net;
using WebhookPortal.Core.Egress;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Egress;

public sealed class EgressCheckTests
{
    private readonly StubHostResolver resolver = new();

    [Fact]
    public async Task Warning_SaysDeliveriesWillBeRefused_WhenTheNameResolvesToARefusedAddress()
    {
        resolver.Answer("crm.internal", [IPAddress.Parse("10.0.0.5")]);

        var warning = await Check(allowPrivateNetworks: false).WarningAsync("https://crm.internal/hooks", default);

        Assert.Equal(
            "Deliveries to this URL will be refused: crm.internal resolves to 10.0.0.5, a private network address (RFC 1918); " +
            "deliveries to private networks are turned off (Delivery:AllowPrivateNetworks) and Delivery:AllowedNetworks does not include it.",
            warning);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/x", "127.0.0.1 is a loopback address")]
    [InlineData("http://[::1]/x", "::1 is a loopback address")]
    [InlineData("http://[::ffff:169.254.169.254]/latest", "::ffff:169.254.169.254 is an IPv4-mapped cloud metadata address")]
    public async Task Warning_NamesTheAddress_WhenTheUrlHoldsARefusedAddress(string url, string expected)
    {
        var warning = await Check(allowPrivateNetworks: false).WarningAsync(url, default);

        Assert.Contains(expected, warning);
        Assert.Equal(0, resolver.Lookups("127.0.0.1"));
    }

    [Fact]
    public async Task Warning_IsNull_WhenTheNameResolvesToAPublicAddress()
    {
        resolver.Answer("hooks.example.com", [IPAddress.Parse("10.0.0.5"), IPAddress.Parse("93.184.216.34")]);

        Assert.Null(await Check(allowPrivateNetworks: false).WarningAsync("https://hooks.example.com/in", default));
    }

    [Fact]
    public async Task Warning_IsNull_WhenPrivateNetworksAreAllowed()
    {
        Assert.Null(await Check(allowPrivateNetworks: true).WarningAsync("http://localhost:5000/receiver/demo", default));
    }

    [Fact]
    public async Task Warning_KeepsWarningOfTheMetadataAddress_WhenPrivateNetworksAreAllowed()
    {
        resolver.Answer("metadata.example", [IPAddress.Parse("169.254.169.254")]);

        var warning = await Check(allowPrivateNetworks: true).WarningAsync("http://metadata.example/latest/meta-data", default);

        Assert.Contains("metadata.example resolves to 169.254.169.254, the cloud metadata address", warning);
    }

    [Fact]
    public async Task Warning_SaysTheNameDoesNotResolve_WhenDnsHasNoAnswer()
    {
        var warning = await Check(allowPrivateNetworks: true).WarningAsync("https://nowhere.invalid/hook", default);

        Assert.Equal("nowhere.invalid does not resolve now; deliveries fail until it does.", warning);
    }

    [Fact]
    public async Task Warning_SaysTheNameDoesNotResolve_WhenDnsDoesNotAnswerInTime()
    {
        var check = new EgressCheck(EgressSettings.Policy(true), new SilentResolver()) { ResolveTimeout = TimeSpan.FromMilliseconds(200) };

        var warning = await check.WarningAsync("https://slow.example/hook", default);

        Assert.Equal("slow.example does not resolve now; deliveries fail until it does.", warning);
    }

    private EgressCheck Check(bool allowPrivateNetworks) => new(EgressSettings.Policy(allowPrivateNetworks), resolver);

    /// <summary>A name server that never answers and ignores cancellation.</summary>
    private sealed class SilentResolver : IHostResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
            new TaskCompletionSource<IPAddress[]>().Task;
    }
}
