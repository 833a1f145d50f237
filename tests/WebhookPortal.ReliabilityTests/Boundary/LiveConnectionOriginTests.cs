using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using WebhookPortal.TestSupport;

namespace WebhookPortal.ReliabilityTests.Boundary;

/// <summary>
/// The Blazor circuit's WebSocket over a real socket (the portal on Kestrel, 127.0.0.1): opened from the portal's own
/// page it is accepted (101); opened from another site's page it is refused with 403 before any circuit starts.
/// </summary>
public sealed class LiveConnectionOriginTests : IAsyncLifetime
{
    private PortalServer server = default!;

    public async Task InitializeAsync() => server = await PortalServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Theory]
    [InlineData("https://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("null", HttpStatusCode.Forbidden)]
    [InlineData("own", HttpStatusCode.SwitchingProtocols)]
    public async Task BlazorWebSocket_IsRefused_WhenOpenedFromAnotherSitesPage(string origin, HttpStatusCode expected)
    {
        var own = server.Address.GetLeftPart(UriPartial.Authority);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        var negotiate = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        negotiate.Headers.Add("Origin", own);
        using var answer = JsonDocument.Parse(await (await http.SendAsync(negotiate)).EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        var token = answer.RootElement.GetProperty("connectionToken").GetString()!;
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", origin == "own" ? own : origin);
        socket.Options.CollectHttpResponseDetails = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        try
        {
            await socket.ConnectAsync(new Uri($"ws://{server.Address.Authority}/_blazor?id={Uri.EscapeDataString(token)}"), timeout.Token);
        }
        catch (WebSocketException)
        {
            // refused: the status says how
        }

        Assert.Equal(expected, socket.HttpStatusCode);
        Assert.Equal(expected == HttpStatusCode.SwitchingProtocols, socket.State == WebSocketState.Open);
    }
}
