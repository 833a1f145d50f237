using Microsoft.Playwright;

namespace WebhookPortal.BrowserTests.Pages;

/// <summary>What every page has: the header with the theme switch, and the sidebar.</summary>
public class PortalShell(IPage page)
{
    protected IPage Page { get; } = page;

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    private ILocator Sidebar => Page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });

    private ILocator ThemeSwitch => Page.GetByRole(AriaRole.Button, new() { Name = "Switch between light and dark theme" });

    /// <summary>The stylesheet of the theme in use; its name ends in <c>-dark</c> in dark mode.</summary>
    public Task<string?> ThemeStylesheetAsync() => Page.Locator("#radzen-theme-link").GetAttributeAsync("href");

    /// <summary>Waits until the page is live over its circuit, so clicks reach the server.</summary>
    public Task WaitUntilInteractiveAsync() =>
        Page.Locator("[data-interactive='true']").WaitForAsync();

    public async Task NavigateBySidebarAsync(string item)
    {
        await Sidebar.GetByRole(AriaRole.Link, new() { Name = item, Exact = true }).ClickAsync();
    }

    public Task SwitchThemeAsync() => ThemeSwitch.ClickAsync();

    /// <summary>Closes every notification on screen and waits until they are gone, so a screenshot shows the page itself.</summary>
    public async Task DismissNotificationsAsync()
    {
        var notifications = Page.Locator(".rz-notification-item");
        for (var tries = 0; tries < 20 && await notifications.CountAsync() > 0; tries++)
        {
            try
            {
                await notifications.First.Locator(".rz-notification-close").ClickAsync(new() { Timeout = 2_000 });
            }
            catch (TimeoutException)
            {
                // It closed by itself between the count and the click (notifications have a duration).
            }
        }

        await Assertions.Expect(notifications).ToHaveCountAsync(0);
    }

    public Task ScreenshotAsync(string name) => Page.ScreenshotAsync(new PageScreenshotOptions
    {
        Path = Path.Combine(Infrastructure.PortalBrowserFixture.ScreenshotFolder, name + ".png"),
        FullPage = true,
        // Dialogs and notifications fade in; the picture shows them as a person sees them once settled.
        Animations = ScreenshotAnimations.Disabled,
    });
}
