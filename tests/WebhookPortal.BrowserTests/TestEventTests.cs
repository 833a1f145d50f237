using WebhookPortal.Core.Accounts;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.BrowserTests.Infrastructure;
using WebhookPortal.BrowserTests.Pages;
using WebhookPortal.Core.Filters;
using WebhookPortal.Core.Listeners;
using static Microsoft.Playwright.Assertions;

namespace WebhookPortal.BrowserTests;

/// <summary>An admin sends a test event from a hook's page or a listener's page and lands on the event.</summary>
public sealed class TestEventTests(PortalBrowserFixture portal) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task HookPage_SendsTheTestEventAndOpensIt_AfterThePayloadIsCorrected()
    {
        var euros = await CreateListenerAsync("https://shop.example.com/euros", new MatchFilter("currency", FilterOperator.Is, "EUR"));
        var page = await portal.NewPageAsync();
        var hook = new HookDetailsPage(page);
        await hook.OpenAsync("order.paid");
        var dialog = new TestEventDialog(page);
        await dialog.OpenAsync();
        await Expect(dialog.Payload).ToHaveValueAsync(new Regex("\"currency\": \"EUR\""));

        await dialog.FillAsync("{\"id\": ");
        await dialog.SendAsync();
        await Expect(dialog.Errors).ToContainTextAsync("The payload is not valid JSON");
        await dialog.FillAsync("[1, 2]");
        await dialog.SendAsync();
        await Expect(dialog.Errors).ToContainTextAsync("The payload must be a JSON object");
        await dialog.FillAsync("""{"id": "ord_7", "amount": 5, "currency": "EUR", "internal": "kept here"}""");
        await Expect(dialog.Errors).ToHaveCountAsync(0);
        await hook.ScreenshotAsync("test-event-dialog");
        await dialog.SendAsync();

        var details = new EventDetailsPage(page);
        await Expect(page).ToHaveURLAsync(new Regex("/events/evt_[0-9a-z]{26}$"));
        await Expect(page.GetByText("Test event sent")).ToBeVisibleAsync();
        await Expect(details.Facts).ToContainTextAsync("Test: test from the portal");
        await Expect(details.Payload).ToContainTextAsync("\"id\": \"ord_7\"");
        await Expect(details.Payload).Not.ToContainTextAsync("internal");
        await Expect(details.Delivery(euros.Url)).ToContainTextAsync("Pending");
    }

    [Fact]
    public async Task ListenerPage_SendsTheTestToThatListenerAlone_EvenWhenItsFiltersWouldNotMatch()
    {
        var dollars = await CreateListenerAsync("https://shop.example.com/dollars", new MatchFilter("currency", FilterOperator.Is, "USD"));
        var page = await portal.NewPageAsync();
        await page.GotoAsync($"listeners/{dollars.Id}");
        var form = new ListenerFormPage(page);
        await form.WaitUntilInteractiveAsync();
        var dialog = new TestEventDialog(page);
        await dialog.OpenAsync();

        await Expect(dialog.FilterCheck).ToContainTextAsync("would not match this payload (currency is not 'USD'); a test is delivered anyway");
        await form.ScreenshotAsync("test-event-dialog-listener");
        await dialog.SendAsync();

        var details = new EventDetailsPage(page);
        await Expect(page).ToHaveURLAsync(new Regex("/events/evt_[0-9a-z]{26}$"));
        await Expect(details.Deliveries).ToHaveCountAsync(1);
        await Expect(details.Delivery(dollars.Url)).ToContainTextAsync("Pending");
    }

    private async Task<Listener> CreateListenerAsync(string url, MatchFilter filter)
    {
        var listeners = portal.Server.Services.GetRequiredService<ListenerService>();
        var created = await listeners.CreateAsync(Actor.System, new ListenerInput("order.paid", url, "", true, [], [filter]), default);
        return created.Value!.Listener;
    }
}
