using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.BrowserTests.Infrastructure;
using WebhookPortal.BrowserTests.Pages;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Listeners;
using WebhookPortal.Core.Persistence;
using static Microsoft.Playwright.Assertions;

namespace WebhookPortal.BrowserTests;

/// <summary>
/// An admin watches the last hour of deliveries on the dashboard, live, in light and dark theme; support sees the
/// same without the admin's cards; a customer sees only its own listeners' figures. The engine sends to the built-in receiver.
/// </summary>
public sealed class DashboardTests(DeliveringPortalFixture portal) : IClassFixture<DeliveringPortalFixture>
{
    private const string Password = "dashboard-password-123";

    [Fact]
    public async Task Admin_SeesTheHourOfDeliveries_TheFailingAndDisabledListeners_AndNewAttemptsLive()
    {
        var listeners = portal.Server.Services.GetRequiredService<ListenerService>();
        var ok = await ListenerAsync(listeners, "receiver/dash-ok", null);
        var down = await ListenerAsync(listeners, "receiver/dash-down?status=500", null);
        var gone = await ListenerAsync(listeners, "receiver/dash-gone", null);
        await DisableAsync(gone, "Disabled after 100 failed attempts in a row since 2026-11-20 08:00 UTC.");
        for (var i = 0; i < 6; i++)
        {
            await portal.PublishOrderAsync($"ord_dash_{i}");
        }

        await WaitForAttemptsAsync(ok, 6);
        await WaitForAttemptsAsync(down, 6);

        var page = await portal.NewPageAsync();
        var dashboard = new DashboardPage(page);
        await dashboard.OpenAsync();
        await Expect(dashboard.SuccessRate).ToContainTextAsync("%");
        await Expect(dashboard.MedianLatency).ToContainTextAsync("ms");
        await Expect(dashboard.ChartBars.First).ToBeVisibleAsync();
        await Expect(dashboard.FailingListeners.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = $"{portal.Server.Address}receiver/dash-down?status=500" }))
            .ToHaveAttributeAsync("href", $"listeners/{down}");
        await Expect(dashboard.DisabledListeners).ToContainTextAsync("Disabled after 100 failed attempts in a row");
        await Expect(dashboard.DisabledListeners.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = $"{portal.Server.Address}receiver/dash-gone" }))
            .ToBeVisibleAsync();
        await Expect(dashboard.HookCount).ToHaveTextAsync("3");
        await Expect(dashboard.DatabaseCard).ToContainTextAsync("portal.db");
        await dashboard.ScreenshotAsync("dashboard-admin");
        await dashboard.Chart.ScreenshotAsync(new() { Path = Path.Combine(PortalBrowserFixture.ScreenshotFolder, "dashboard-chart.png") });

        // A new event's attempts reach the open page without a reload.
        var before = await dashboard.SuccessRate.InnerTextAsync();
        await portal.PublishOrderAsync("ord_dash_live");
        await Expect(dashboard.SuccessRate).Not.ToHaveTextAsync(before, new() { Timeout = 15_000 });

        await dashboard.SwitchThemeAsync();
        await Expect(page.Locator("#radzen-theme-link")).ToHaveAttributeAsync("href", new Regex("material-dark"));
        await dashboard.ScreenshotAsync("dashboard-admin-dark");
    }

    [Fact]
    public async Task Support_SeesTheFiguresWithoutTheAdminCards_AndACustomerOnlyItsOwnListeners()
    {
        var services = portal.Server.Services;
        var accounts = services.GetRequiredService<AccountService>();
        await accounts.CreateAsync(Actor.System, new AccountInput("dash-support@example.com", "Sam", AccountRole.Support, Password), default);
        var customer = (await accounts.CreateAsync(Actor.System, new AccountInput("dash-buyer@shop.example", "Shop", AccountRole.Customer, Password), default)).Value!;
        var listeners = services.GetRequiredService<ListenerService>();
        var own = await ListenerAsync(listeners, "receiver/dash-own?status=503", customer.Id);
        await portal.PublishOrderAsync("ord_dash_customer");
        await WaitForAttemptsAsync(own, 1);

        var supportPage = await portal.NewPageAsync("dash-support@example.com", Password);
        var support = new DashboardPage(supportPage);
        await support.OpenAsync();
        await Expect(support.SuccessRate).ToContainTextAsync("%");
        await Expect(support.HookCount).ToBeVisibleAsync();
        await Expect(support.DatabaseCard).ToHaveCountAsync(0);
        await Expect(supportPage.GetByLabel("REST API")).ToHaveCountAsync(0);

        var customerPage = await portal.NewPageAsync("dash-buyer@shop.example", Password);
        var mine = new DashboardPage(customerPage);
        await mine.OpenAsync();
        await Expect(mine.SuccessRate).ToContainTextAsync("0 %");
        await Expect(mine.FailingListeners).ToContainTextAsync("receiver/dash-own");
        // Its retry may have run too (5 s later): one attempt reads in the singular, more "in a row".
        await Expect(mine.FailingListeners).ToContainTextAsync(new Regex(@"(\b1 failed attempt since|\b[2-9] failed attempts in a row since)"));
        await Expect(mine.ChartBars.First).ToBeVisibleAsync();
        await Expect(mine.FailingListeners).Not.ToContainTextAsync("dash-down");
        await Expect(mine.HookCount).ToHaveCountAsync(0);
        await Expect(mine.DatabaseCard).ToHaveCountAsync(0);
        await mine.ScreenshotAsync("dashboard-customer");
    }

    private async Task<string> ListenerAsync(ListenerService listeners, string path, int? owner) =>
        (await listeners.CreateAsync(Actor.System, new ListenerInput("order.paid", $"{portal.Server.Address}{path}", "", true, [], [], OwnerAccountId: owner), default))
        .Value!.Listener.Id;

    private async Task DisableAsync(string listenerId, string reason)
    {
        var factory = portal.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE listeners SET enabled = 0, disabled_reason = {reason}, disabled_at = {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} WHERE id = {listenerId}");
    }

    private async Task WaitForAttemptsAsync(string listenerId, int count)
    {
        var factory = portal.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        for (var i = 0; i < 200; i++)
        {
            await using var db = await factory.CreateDbContextAsync();
            if (await db.DeliveryAttempts.CountAsync(a => a.Delivery.ListenerId == listenerId) >= count)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Listener {listenerId} did not get {count} attempts within 20 s.");
    }
}
