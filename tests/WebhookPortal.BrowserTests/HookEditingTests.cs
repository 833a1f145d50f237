using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.BrowserTests.Infrastructure;
using WebhookPortal.BrowserTests.Pages;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Listeners;
using WebhookPortal.Core.Persistence;
using static Microsoft.Playwright.Assertions;

namespace WebhookPortal.BrowserTests;

/// <summary>An admin defines a hook in the portal, changes it and deletes it; hooks from code stay read-only.</summary>
public sealed class HookEditingTests(PortalBrowserFixture portal) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Admin_CreatesEditsAndDeletesAHook_ThroughTheForms()
    {
        var page = await portal.NewPageAsync();
        var catalogue = new HookCataloguePage(page);
        var form = new HookFormPage(page);
        var details = new HookDetailsPage(page);
        await catalogue.OpenAsync();
        await catalogue.StartNewHookAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/hooks/new$"));
        await Expect(form.Heading).ToHaveTextAsync("New hook");

        // A mistake is explained beside its field, and nothing is saved.
        await form.Name.FillAsync("Invoice sent");
        await form.ProvidedField(1).FillAsync("id");
        await form.SaveAsync("Create hook");
        await Expect(form.Errors.Filter(new() { HasText = "is not a valid hook name" })).ToBeVisibleAsync();
        await form.ScreenshotAsync("hook-form-invalid");

        await form.Name.FillAsync("invoice.sent");
        await form.Description.FillAsync("An invoice was sent to a customer.");
        await Expect(form.Errors).ToHaveCountAsync(0); // the edited name's message is gone
        await form.AddFieldAsync();
        await form.ProvidedField(2).FillAsync("customer.email");
        await form.BuildSampleAsync();
        await Expect(form.SamplePayload).ToHaveValueAsync(new Regex("\"email\": \"<customer.email>\""));
        await form.ScreenshotAsync("hook-form");
        await form.SaveAsync("Create hook");

        await Expect(page).ToHaveURLAsync(new Regex("/hooks/invoice.sent$"));
        await Expect(details.Heading).ToHaveTextAsync("invoice.sent");
        await Expect(details.ProvidedFields).ToHaveTextAsync(["id", "customer.email"]);
        await details.DismissNotificationsAsync();
        await details.ScreenshotAsync("hook-details-portal");

        await details.NavigateBySidebarAsync("Hooks");
        await Expect(catalogue.Row("invoice.sent")).ToContainTextAsync("An invoice was sent to a customer.");
        await catalogue.OpenDetailsAsync("invoice.sent");

        await details.EditAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/hooks/invoice.sent/edit$"));
        await Expect(form.Name).ToBeDisabledAsync();
        await form.Description.FillAsync("An invoice was e-mailed to a customer.");
        await form.SaveAsync("Save changes");
        await Expect(page).ToHaveURLAsync(new Regex("/hooks/invoice.sent$"));
        await Expect(page.GetByText("An invoice was e-mailed to a customer.")).ToBeVisibleAsync();

        // While a listener uses the hook, the delete is refused with the reason.
        var listenerId = await AddListenerAsync("invoice.sent");
        await details.DeleteAsync();
        await details.AnswerDialogAsync("Delete");
        await Expect(page.GetByText("1 listener uses 'invoice.sent'")).ToBeVisibleAsync();
        await details.ScreenshotAsync("hook-delete-refused");
        await RemoveListenerAsync(listenerId);

        await details.DeleteAsync();
        await Expect(details.ConfirmDialog).ToContainTextAsync("Delete the hook invoice.sent?");
        await details.ScreenshotAsync("hook-delete-confirm");
        await details.AnswerDialogAsync("Delete");
        await Expect(page).ToHaveURLAsync(new Regex("/hooks$"));
        await Expect(catalogue.Row("order.paid")).ToBeVisibleAsync();
        await Expect(catalogue.Row("invoice.sent")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task CodeHook_ShowsANoteInsteadOfEditAndDelete()
    {
        var page = await portal.NewPageAsync();
        var details = new HookDetailsPage(page);
        await details.OpenAsync("person.saved");

        await Expect(details.DefinedInCodeNote).ToBeVisibleAsync();
        await Expect(details.EditButton).ToHaveCountAsync(0);
        await Expect(details.DeleteButton).ToHaveCountAsync(0);

        // The same pages in the dark theme, for a look at both.
        await details.SwitchThemeAsync();
        await Expect(page.Locator("#radzen-theme-link")).ToHaveAttributeAsync("href", new Regex("material-dark"));
        await details.ScreenshotAsync("hook-details-code-dark");
        await page.GotoAsync("hooks/order.paid/edit");
        var form = new HookFormPage(page);
        await form.WaitUntilInteractiveAsync();
        await Expect(form.Name).ToHaveValueAsync("order.paid");
        await form.ScreenshotAsync("hook-form-dark");
    }

    private async Task<string> AddListenerAsync(string hookName)
    {
        await using var db = await ContextAsync();
        var hook = await db.Hooks.SingleAsync(h => h.Name == hookName);
        var listener = new Listener
        {
            Id = SortableId.New(Listener.IdPrefix, DateTimeOffset.UtcNow),
            Url = "https://example.com/",
            Secret = "whsec_x",
            HookId = hook.Id,
        };
        db.Listeners.Add(listener);
        await db.SaveChangesAsync();
        return listener.Id;
    }

    private async Task RemoveListenerAsync(string id)
    {
        await using var db = await ContextAsync();
        db.Listeners.Remove(await db.Listeners.SingleAsync(l => l.Id == id));
        await db.SaveChangesAsync();
    }

    private Task<PortalDbContext> ContextAsync() =>
        portal.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
}
