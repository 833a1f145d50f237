using WebhookPortal.Core.Accounts;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.BrowserTests.Infrastructure;
using WebhookPortal.BrowserTests.Pages;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Listeners;
using WebhookPortal.Core.Persistence;
using static Microsoft.Playwright.Assertions;

namespace WebhookPortal.BrowserTests;

/// <summary>An event's page follows its deliveries while they are on their way, without a reload.</summary>
public sealed class EventPageTests(PortalBrowserFixture portal) : IClassFixture<PortalBrowserFixture>
{
    private const string ListenerUrl = "https://billing.example.com/paid";

    [Fact]
    public async Task EventPage_ShowsTheNewStatus_WhenADeliveryMovesWhileItIsOpen()
    {
        var services = portal.Server.Services;
        await services.GetRequiredService<ListenerService>().CreateAsync(Actor.System, new ListenerInput("order.paid", ListenerUrl, "", true, [], []), default);
        using var payload = JsonDocument.Parse("""{"id": "ord_9", "amount": 3, "currency": "EUR"}""");
        var published = await services.GetRequiredService<EventPublisher>()
            .PublishAsync(new PublishRequest("order.paid", payload.RootElement, EventOrigin.Api), default);

        var page = await portal.NewPageAsync();
        await page.GotoAsync($"events/{published.Value!.EventId}");
        var details = new EventDetailsPage(page);
        await details.WaitUntilInteractiveAsync();
        await Expect(details.Delivery(ListenerUrl)).ToContainTextAsync("Pending");
        await Expect(details.LiveNote).ToBeVisibleAsync();

        // What the dispatcher will do: one attempt, answered 200.
        await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE deliveries SET status = 'Succeeded', attempt_count = 1, last_response_status = 200 WHERE event_id = {0}",
                published.Value.EventId);
        }

        await Expect(details.Delivery(ListenerUrl)).ToContainTextAsync("Succeeded");
        await Expect(details.Delivery(ListenerUrl)).ToContainTextAsync("200");
        await Expect(details.LiveNote).ToHaveCountAsync(0); // nothing is on its way any more: the page stops asking
    }
}
