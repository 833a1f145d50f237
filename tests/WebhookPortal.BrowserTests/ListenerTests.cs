using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Filters;
using WebhookPortal.Core.Listeners;
using WebhookPortal.BrowserTests.Infrastructure;
using WebhookPortal.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace WebhookPortal.BrowserTests;

/// <summary>An admin manages a listener in the browser: create with filters and preview, find, edit, disable, delete.</summary>
public sealed class ListenerTests(PortalBrowserFixture portal) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Admin_CreatesFindsEditsDisablesAndDeletesAListener()
    {
        var page = await portal.NewPageAsync();
        var list = new ListenerListPage(page);
        await list.OpenAsync();
        await list.NewListenerAsync();

        var form = new ListenerFormPage(page);
        await Expect(form.Heading).ToHaveTextAsync("New listener");
        await form.ChooseHookAsync("person.saved");
        await form.FillUrlAsync("https://crm.example.com/people");
        await form.FillDescriptionAsync("People whose name starts with J");
        await form.AddFilterAsync("name", "starts with", "J");
        await form.AddFilterAsync("address", "contains", "Street");

        // The hook's sample (Jane Doe, 12 High Street) passes both filters.
        await Expect(form.PreviewResult).ToContainTextAsync("Matches");
        await form.Payload.FillAsync("""{"id": 43, "name": "Bob Stone", "address": "1 Main Street", "secret": "x"}""");
        await Expect(form.PreviewResult).ToContainTextAsync("Does not match: name does not start with 'J'");
        // The portal scrolls inside its layout, so the window is made tall enough for the picture to hold the whole form.
        await page.SetViewportSizeAsync(1400, 1120);
        await form.ScreenshotAsync("listener-form");
        await page.SetViewportSizeAsync(1400, 900);

        await form.SaveAsync("Create listener");
        await Expect(form.SecretInDialog).ToHaveTextAsync(new Regex("^whsec_[A-Za-z0-9+/=]{44}$"));
        // Admins can reveal a listener's secret later, so the dialog must not claim this is the last look.
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("can reveal it again");
        await Expect(page.GetByRole(AriaRole.Dialog)).Not.ToContainTextAsync("only time");
        await form.ScreenshotAsync("listener-secret");
        await form.CloseSecretDialogAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/listeners/lst_[0-9a-z]{26}$"));
        await Expect(page.GetByLabel("Signing secret", new() { Exact = true })).ToContainTextAsync("whsec_••••••••");

        await form.NavigateBySidebarAsync("Listeners");
        await Expect(list.Row("https://crm.example.com/people")).ToContainTextAsync("name starts with 'J'");
        await Expect(list.Row("https://crm.example.com/people")).ToContainTextAsync("person.saved");
        await list.DismissNotificationsAsync();
        await list.ScreenshotAsync("listener-grid");

        await list.OpenAsync("https://crm.example.com/people");
        await form.FillDescriptionAsync("People named J…, for the CRM");
        await form.SaveAsync("Save changes");
        await Expect(page.GetByText("Listener saved")).ToBeVisibleAsync();
        await form.NavigateBySidebarAsync("Listeners");
        await Expect(list.Row("https://crm.example.com/people")).ToContainTextAsync("People named J…, for the CRM");
        await Expect(list.Row("https://crm.example.com/people")).Not.ToContainTextAsync("People whose name starts with J");
        await list.OpenAsync("https://crm.example.com/people");

        await form.ClickAsync("Disable");
        await Expect(form.StateBadge).ToHaveTextAsync("Disabled");
        await Expect(page.GetByText("Disabled by an admin.")).ToBeVisibleAsync();

        await form.ClickAsync("Delete");
        await form.ConfirmAsync("Delete this listener?", "Delete");
        await Expect(page).ToHaveURLAsync(new Regex("/listeners$"));
        await Expect(list.Row("https://crm.example.com/people")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(1400)]
    public async Task Grid_ShowsTheUrlReadably_OnCommonLaptopWidths(int width)
    {
        var url = $"https://orders.example.com/webhooks/grid-check-{width}";
        var listeners = portal.Server.Services.GetRequiredService<ListenerService>();
        var created = await listeners.CreateAsync(Actor.System, new ListenerInput("order.paid", url,
            "A listener whose URL and description must stay readable in the grid", true, [],
            [new MatchFilter("currency", FilterOperator.In, "EUR, USD"), new MatchFilter("amount", FilterOperator.GreaterThan, "10")]), default);
        Assert.True(created.Succeeded);

        var page = await portal.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        var list = new ListenerListPage(page);
        await list.OpenAsync();
        await Expect(list.Row(url)).ToHaveCountAsync(1);

        // The URL column keeps room for a URL to be read at a glance (at least 15 rem, this 50-character URL on two lines at
        // most, the whole in its tooltip), and every other column still fits: the row's delete button needs no sideways scroll.
        var link = list.Row(url).GetByRole(AriaRole.Link, new() { Name = url, Exact = true });
        var header = await list.ColumnHeader("URL").BoundingBoxAsync();
        var box = await link.BoundingBoxAsync();
        Assert.True(header!.Width >= 15 * 16, $"the URL column is {header.Width} px wide at a {width} px window");
        Assert.True(box!.Height <= 2 * 24, $"the URL takes {box.Height} px of height at a {width} px window");
        Assert.Equal(url, await link.GetAttributeAsync("title"));
        await Expect(list.Row(url).GetByRole(AriaRole.Button, new() { Name = $"Delete {url}" })).ToBeInViewportAsync();
        await list.ScreenshotAsync($"listener-grid-{width}");
    }

    [Fact]
    public async Task Form_ShowsWhatToFixNextToTheField_WhenTheUrlIsWrong()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("listeners/new");
        var form = new ListenerFormPage(page);
        await form.WaitUntilInteractiveAsync();
        await form.ChooseHookAsync("order.paid");
        await form.FillUrlAsync("ftp://files.example.com/drop");

        await form.SaveAsync("Create listener");

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "'ftp' URLs cannot receive webhooks" })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/listeners/new$"));
    }
}
