using Microsoft.Playwright;
using WebhookPortal.TestSupport;

using WebhookPortal.BrowserTests.Pages;

namespace WebhookPortal.BrowserTests.Infrastructure;

/// <summary>
/// One running portal (real Kestrel on 127.0.0.1) and one headless Chromium, shared by a test class.
/// Chromium is Debian's (<c>/usr/bin/chromium</c>, or <c>CHROMIUM_PATH</c>); Playwright's own download
/// cannot work on these machines.
/// </summary>
public class PortalBrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;

    /// <summary>Settings for the portal this fixture runs, on top of the test defaults.</summary>
    protected virtual string[] ServerArgs => [];

    public PortalServer Server { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Where screenshots go: a folder in the test output.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotFolder);
        Server = await PortalServer.StartAsync(ServerArgs);
        playwright = await Playwright.CreateAsync();
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium is not at {chromium}. Run the README's test command (it installs Debian's chromium), or set CHROMIUM_PATH.");
        }

        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    private string? adminSession;

    /// <summary>
    /// A fresh browser context and page signed in as the first admin (signed in once through the form, then the
    /// session cookie is reused), with the portal as base address.
    /// </summary>
    public async Task<IPage> NewPageAsync()
    {
        if (adminSession is null)
        {
            var first = await NewPageAsync(PortalAppFactory.AdminEmail, PortalAppFactory.AdminPassword);
            adminSession = await first.Context.StorageStateAsync();
            await first.Context.CloseAsync();
        }

        return await NewContextPageAsync(adminSession);
    }

    /// <summary>A fresh page signed in through the sign-in form as the given account.</summary>
    public async Task<IPage> NewPageAsync(string email, string password)
    {
        var page = await NewAnonymousPageAsync();
        await new SignInPage(page).SignInAsync(email, password);
        return page;
    }

    /// <summary>A fresh browser context (its own cookies) and page, signed in as nobody.</summary>
    public Task<IPage> NewAnonymousPageAsync() => NewContextPageAsync(null);

    private async Task<IPage> NewContextPageAsync(string? storageState)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            StorageState = storageState,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
