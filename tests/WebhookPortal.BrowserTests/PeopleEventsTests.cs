using WebhookPortal.Core.Accounts;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.BrowserTests.Infrastructure;
using WebhookPortal.BrowserTests.Pages;
using WebhookPortal.Core.Listeners;
using static Microsoft.Playwright.Assertions;

namespace WebhookPortal.BrowserTests;

/// <summary>An admin saves a person in the demo application and follows the event it fired to its delivery.</summary>
public sealed class PeopleEventsTests(PortalBrowserFixture portal) : IClassFixture<PortalBrowserFixture>
{
    private const string ListenerUrl = "https://crm.example.com/people";

    [Fact]
    public async Task Admin_SeesThePersonSavedEventAndItsPendingDelivery_AfterAddingAPerson()
    {
        var listeners = portal.Server.Services.GetRequiredService<ListenerService>();
        var created = await listeners.CreateAsync(Actor.System, new ListenerInput("person.saved", ListenerUrl, "CRM", true, [], []), default);
        Assert.True(created.Succeeded);

        var page = await portal.NewPageAsync();
        var people = new PeoplePage(page);
        await people.OpenAsync();
        await Expect(people.Heading).ToHaveTextAsync("People");
        await people.AddAsync("Jane Doe", "12 High Street, Springfield", "s3cr3t-value");

        await Expect(people.Notification("Person added")).ToContainTextAsync(new Regex(@"person.saved published as evt_[0-9a-z]{26}, with \d+ deliver"));
        await Expect(people.Row("Jane Doe")).ToContainTextAsync("12 High Street, Springfield");
        await Expect(people.Row("Jane Doe")).ToContainTextAsync("••••••••");
        await Expect(people.Grid).Not.ToContainTextAsync("s3cr3t-value");
        await people.ScreenshotAsync("people");
        await people.CloseNotificationAsync("Person added");

        await people.NavigateBySidebarAsync("Events");
        var events = new EventListPage(page);
        await Expect(events.Heading).ToHaveTextAsync("Events");
        var row = events.Rows("person.saved");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Entity change");
        await Expect(row).ToContainTextAsync("Person #1");
        await events.ScreenshotAsync("events");

        await events.OpenAsync(row);
        var details = new EventDetailsPage(page);
        await Expect(page).ToHaveURLAsync(new Regex("/events/evt_[0-9a-z]{26}$"));
        await Expect(details.Heading).ToHaveTextAsync("Event");
        await Expect(details.Payload).ToContainTextAsync("\"name\": \"Jane Doe\"");
        await Expect(details.Payload).ToContainTextAsync("\"address\": \"12 High Street, Springfield\"");
        await Expect(details.Payload).Not.ToContainTextAsync("secret");
        await Expect(details.Payload).Not.ToContainTextAsync("s3cr3t-value");
        await Expect(details.Delivery(ListenerUrl)).ToHaveCountAsync(1); // beside the demo data's own listener
        await Expect(details.Delivery(ListenerUrl)).ToContainTextAsync("Pending");
        await Expect(details.Delivery(ListenerUrl).GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = ListenerUrl }))
            .ToHaveAttributeAsync("href", $"listeners/{created.Value!.Listener.Id}");
        await details.ScreenshotAsync("event");

        // The same three pages in the dark theme.
        await details.SwitchThemeAsync();
        await Expect(page.Locator("#radzen-theme-link")).ToHaveAttributeAsync("href", new Regex("material-dark"));
        await details.ScreenshotAsync("event-dark");
        await details.NavigateBySidebarAsync("Events");
        await Expect(events.Rows("person.saved")).ToHaveCountAsync(1);
        await events.ScreenshotAsync("events-dark");
        await events.NavigateBySidebarAsync("People");
        await Expect(people.Row("Jane Doe")).ToBeVisibleAsync();
        await people.ScreenshotAsync("people-dark");
    }
}
