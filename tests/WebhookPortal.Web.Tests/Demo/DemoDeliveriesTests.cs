using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Core.Receiver;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Demo;

/// <summary>
/// The demo traffic of a portal on Kestrel: its listeners point at the portal's own receiver at the address the server
/// really listens on, so the demo deliveries arrive, also when the portal was told to listen on port 0.
/// </summary>
public sealed class DemoDeliveriesTests
{
    [Fact]
    public async Task FirstStart_OnPortZero_PointsTheDemoListenersAtTheRealPort_AndADemoDeliveryReachesTheReceiver()
    {
        await using var portal = await PortalServer.StartAsync("--Delivery:Enabled=true");
        using var client = new HttpClient { BaseAddress = portal.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PortalAppFactory.AdminKey);
        var origin = $"http://127.0.0.1:{portal.Address.Port}";
        Assert.NotEqual(0, portal.Address.Port);

        using var listeners = JsonDocument.Parse(await client.GetStringAsync("/api/listeners?sort=url"));
        var urls = listeners.RootElement.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("url").GetString()).Order().ToList();
        Assert.Equal([$"{origin}/receiver/orders?fail=1", $"{origin}/receiver/people"], urls);

        // The first call to orders fails on purpose (?fail=1); the other demo orders are answered 200 at once.
        var log = portal.Services.GetRequiredService<ReceiverLog>();
        var delivered = await WaitForAsync(() => log.Requests("orders").FirstOrDefault(r => r.Status == 200), TimeSpan.FromSeconds(30));
        Assert.Equal("/receiver/orders?fail=1", delivered.PathAndQuery);
        Assert.True(delivered.Signature.IsValid, delivered.Signature.Text);
        Assert.Contains(log.Requests("orders"), r => r.Status == 500);
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> find, TimeSpan timeout) where T : class
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            if (find() is { } found)
            {
                return found;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"Nothing arrived within {timeout.TotalSeconds:N0} s.");
            await Task.Delay(100);
        }
    }
}
