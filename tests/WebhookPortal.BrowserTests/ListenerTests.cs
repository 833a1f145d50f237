using System.Text.RegularExpressions;
using Microsoft.Playwright;
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
        await form.ScreenshotAsync("listener-form");

        await form.SaveAsync("Create listener");
        await Expect(form.SecretInDialog).ToHaveTextAsync(new Regex("^whsec_[A-Za-z0-9+/=]{44}$"));
        await form.ScreenshotAsync("listener-secret");
        await form.CloseSecretDialogAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/listeners/lst_[0-9a-z]{26}$"));
        await Expect(page.GetByLabel("Signing secret", new() { Exact = true })).ToContainTextAsync("whsec_••••••••");

        await form.NavigateBySidebarAsync("Listeners");
        await Expect(list.Row("https://crm.example.com/people")).ToContainTextAsync("name starts with 'J'");
        await Expect(list.Row("https://crm.example.com/people")).ToContainTextAsync("person.saved");
        await list.ScreenshotAsync("listener-grid");

        await list.OpenAsync("https://crm.example.com/people");
        await form.FillDescriptionAsync("People named J…, for the CRM");
        await form.SaveAsync("Save changes");
        await Expect(page.GetByText("Listener saved")).ToBeVisibleAsync();

        await form.ClickAsync("Disable");
        await Expect(form.StateBadge).ToHaveTextAsync("Disabled");
        await Expect(page.GetByText("Disabled by an admin.")).ToBeVisibleAsync();

        await form.ClickAsync("Delete");
        await form.ConfirmAsync("Delete this listener?", "Delete");
        await Expect(page).ToHaveURLAsync(new Regex("/listeners$"));
        await Expect(list.Row("https://crm.example.com/people")).ToHaveCountAsync(0);
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
