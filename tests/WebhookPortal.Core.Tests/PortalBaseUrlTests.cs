namespace WebhookPortal.Core.Tests;

public sealed class PortalBaseUrlTests
{
    [Theory]
    [InlineData("https://portal.example.com/", null, null, "https://portal.example.com")]
    [InlineData(" http://10.0.0.5:8080 ", "http://*:9000", null, "http://10.0.0.5:8080")]
    [InlineData("", "http://localhost:5000", null, "http://localhost:5000")]
    [InlineData(null, "http://*:8080;https://*:8443", null, "http://localhost:8080")]
    [InlineData(null, "http://+:8080", null, "http://localhost:8080")]
    [InlineData(null, "http://0.0.0.0:8080", null, "http://localhost:8080")]
    [InlineData(null, "http://[::]:8080", null, "http://localhost:8080")]
    [InlineData(null, "https://127.0.0.1:7001/portal/", null, "https://127.0.0.1:7001/portal")]
    [InlineData(null, "", "8080;9090", "http://localhost:8080")]
    [InlineData(null, null, null, PortalBaseUrl.KestrelDefault)]
    public void Resolve_GivesTheConfiguredUrlOrTheFirstServerAddress(string? configured, string? urls, string? httpPorts, string expected) =>
        Assert.Equal(expected, PortalBaseUrl.Resolve(configured, urls, httpPorts));

    [Theory]
    [InlineData("https://portal.example.com/", "http://127.0.0.1:41235", "https://portal.example.com")]
    [InlineData(null, "http://127.0.0.1:41235", "http://127.0.0.1:41235")]
    [InlineData("", "http://[::]:41235;https://[::]:41236", "http://localhost:41235")]
    [InlineData(null, "http://0.0.0.0:5000", "http://localhost:5000")]
    [InlineData(null, "", "http://127.0.0.1:0")]
    public void Resolve_GivesTheConfiguredUrlOrTheFirstAddressTheServerListensOn_OnceItRuns(string? configured, string listening, string expected) =>
        Assert.Equal(expected, PortalBaseUrl.Resolve(configured, listening.Split(';', StringSplitOptions.RemoveEmptyEntries), "http://127.0.0.1:0"));

    [Theory]
    [InlineData("http://localhost:5000", true)]
    [InlineData("https://portal.example.com/base", true)]
    [InlineData("localhost:5000", false)]
    [InlineData("ftp://portal.example.com", false)]
    [InlineData("http://portal.example.com/?x=1", false)]
    [InlineData("http://user:pw@portal.example.com", false)]
    public void IsValid_AcceptsOnlyAbsoluteHttpAddresses(string url, bool valid) => Assert.Equal(valid, PortalBaseUrl.IsValid(url));
}
