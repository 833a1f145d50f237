using WebhookPortal.Core.Accounts;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WebhookPortal.BrowserTests.Infrastructure;
using WebhookPortal.BrowserTests.Pages;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Listeners;
using static Microsoft.Playwright.Assertions;

namespace WebhookPortal.BrowserTests;

/// <summary>Deliveries held by a disabled listener are shown, sent on enabling after a confirmation, and its events can be previewed.</summary>
public sealed class HeldDeliveryTests(PortalBrowserFixture portal) : IClassFixture<PortalBrowserFixture>
{
    private const string ListenerUrl = "https://warehouse.example.com/orders";

    [Fact]
    public async Task DisabledListener_ShowsItsWaitingDeliveries_AndEnablingConfirmsFirst()
    {
        var listeners = portal.Server.Services.GetRequiredService<ListenerService>();
        var listener = (await listeners.CreateAsync(Actor.System, new ListenerInput("order.paid", ListenerUrl, "", true, [], []), default)).Value!.Listener;
        await listeners.SetEnabledAsync(Actor.System, listener.Id, false, default);
        var first = await PublishAsync("ord_held_1");
        var second = await PublishAsync("ord_held_2");

        var page = await portal.NewPageAsync();
        var details = new EventDetailsPage(page);
        await page.GotoAsync($"events/{first}");
        await Expect(details.Delivery(ListenerUrl)).ToContainTextAsync("Held");
        await Expect(details.Delivery(ListenerUrl)).ToContainTextAsync("when the listener is enabled");

        var list = new ListenerListPage(page);
        await list.OpenAsync();
        await Expect(list.Row(ListenerUrl)).ToContainTextAsync("2 waiting");

        await list.OpenAsync(ListenerUrl);
        var form = new ListenerFormPage(page);
        await Expect(form.StateBadge).ToHaveTextAsync("Disabled");
        await Expect(page.GetByLabel("Waiting deliveries")).ToHaveTextAsync(
            "2 deliveries are waiting; they will be sent when the listener is enabled again.");

        // The form's preview can try the filters on one of the hook's recent events.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Recent event" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { NameRegex = new(second) }).ClickAsync();
        await Expect(form.Payload).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\"id\": \"ord_held_2\""));
        await form.ScreenshotAsync("listener-disabled-waiting");

        await form.ClickAsync("Enable");
        var choice = page.GetByRole(AriaRole.Dialog, new() { Name = "Enable this listener?" });
        await Expect(choice).ToContainTextAsync("2 deliveries were held while the listener was disabled");
        await form.ScreenshotAsync("listener-enable-held-choice");
        await choice.GetByRole(AriaRole.Button, new() { Name = "Enable and send 2", Exact = true }).ClickAsync();
        await Expect(form.StateBadge).ToHaveTextAsync("Enabled");
        Assert.Equal(0, await listeners.CountHeldAsync(Actor.System, listener.Id, default));
    }

    private async Task<string> PublishAsync(string orderId)
    {
        var publisher = portal.Server.Services.GetRequiredService<EventPublisher>();
        using var payload = JsonDocument.Parse($$"""{"id": "{{orderId}}", "amount": 12.5, "currency": "EUR"}""");
        var published = await publisher.PublishAsync(new PublishRequest("order.paid", payload.RootElement, EventOrigin.Api), default);
        return published.Value!.EventId;
    }
}
