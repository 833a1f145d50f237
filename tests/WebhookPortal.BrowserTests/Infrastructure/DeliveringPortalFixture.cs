using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Core.Events;

namespace WebhookPortal.BrowserTests.Infrastructure;

/// <summary>A portal whose delivery engine runs, for what a person watches happen: attempts, replays.</summary>
public sealed class DeliveringPortalFixture : PortalBrowserFixture
{
    protected override string[] ServerArgs => ["--Delivery:Enabled=true", "--Delivery:PollSeconds=1"];

    /// <summary>Publishes an <c>order.paid</c> event with this order id, as the application would.</summary>
    public async Task PublishOrderAsync(string orderId)
    {
        using var payload = JsonDocument.Parse($$"""{"id": "{{orderId}}", "amount": 12.5, "currency": "EUR"}""");
        await Server.Services.GetRequiredService<EventPublisher>().PublishAsync(new PublishRequest("order.paid", payload.RootElement, EventOrigin.Api), default);
    }
}
