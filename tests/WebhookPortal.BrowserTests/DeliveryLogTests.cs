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
/// Support finds a failed delivery, reads why it failed, replays it and watches the new attempt arrive; a customer
/// sees only its own listeners' history. The engine runs and sends to the built-in receiver.
/// </summary>
public sealed class DeliveryLogTests(DeliveringPortalFixture portal) : IClassFixture<DeliveringPortalFixture>
{
    private const string Password = "support-password-123";

    [Fact]
    public async Task Support_FindsAFailedDelivery_ReadsTheResponse_Replays_AndSeesTheNewAttemptLive()
    {
        var services = portal.Server.Services;
        await services.GetRequiredService<AccountService>().CreateAsync(Actor.System,
            new AccountInput("support@example.com", "Sam", AccountRole.Support, Password), default);
        // The receiver fails the first call and answers 200 after: the replay succeeds.
        var listener = (await services.GetRequiredService<ListenerService>().CreateAsync(Actor.System,
            new ListenerInput("order.paid", $"{portal.Server.Address}receiver/support-flow?fail=1", "", true, [], []), default)).Value!.Listener;
        var delivery = await PublishAndFailOnceAsync(listener.Id);

        var page = await portal.NewPageAsync("support@example.com", Password);
        var log = new DeliveryLogPage(page);
        await log.OpenAsync();
        await log.FilterByStatusAsync("Failed");
        await log.FilterByUrlAsync("support-flow");
        await Expect(log.Grid.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = delivery })).ToBeVisibleAsync();
        await log.ScreenshotAsync("delivery-log-support");

        await log.OpenDeliveryAsync(delivery);
        var details = new DeliveryPage(page);
        await Expect(page).ToHaveURLAsync(new Regex($"/deliveries/{delivery}$"));
        await details.WaitUntilInteractiveAsync();
        await Expect(details.Attempt(1)).ToContainTextAsync("500");
        await Expect(details.ResponseBody(1)).ToBeVisibleAsync();
        await details.ReplayAsync();

        await Expect(details.Attempt(2)).ToContainTextAsync("200", new() { Timeout = 15_000 });
        await Expect(details.Attempt(2)).ToContainTextAsync("replay by support@example.com");
        await details.ScreenshotAsync("delivery-replayed");
    }

    [Fact]
    public async Task Customer_SignsIn_AndSeesOnlyTheirOwnListenersHistory()
    {
        var services = portal.Server.Services;
        var accounts = services.GetRequiredService<AccountService>();
        var mine = (await accounts.CreateAsync(Actor.System, new AccountInput("buyer@shop-a.example", "Shop A", AccountRole.Customer, Password), default)).Value!;
        var theirs = (await accounts.CreateAsync(Actor.System, new AccountInput("buyer@shop-b.example", "Shop B", AccountRole.Customer, Password), default)).Value!;
        var listeners = services.GetRequiredService<ListenerService>();
        await listeners.CreateAsync(Actor.System, new ListenerInput("order.paid", $"{portal.Server.Address}receiver/shop-a", "", true, [], [], OwnerAccountId: mine.Id), default);
        await listeners.CreateAsync(Actor.System, new ListenerInput("order.paid", $"{portal.Server.Address}receiver/shop-b", "", true, [], [], OwnerAccountId: theirs.Id), default);
        await portal.PublishOrderAsync("ord_customer_view");

        var page = await portal.NewPageAsync("buyer@shop-a.example", Password);
        var log = new DeliveryLogPage(page);
        await Expect(page).ToHaveURLAsync(new Regex("/deliveries$"));
        await log.WaitUntilInteractiveAsync();

        await Expect(log.Grid).ToContainTextAsync("receiver/shop-a");
        await Expect(log.Grid).Not.ToContainTextAsync("receiver/shop-b");
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Accounts" })).ToHaveCountAsync(0);
        await log.ScreenshotAsync("delivery-log-customer");
    }

    private async Task<string> PublishAndFailOnceAsync(string listenerId)
    {
        await portal.PublishOrderAsync("ord_support_flow");
        var factory = portal.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        for (var i = 0; i < 100; i++)
        {
            await using var db = await factory.CreateDbContextAsync();
            var first = await db.Deliveries.Where(d => d.ListenerId == listenerId && d.AttemptCount == 1 && d.Status == Core.Deliveries.DeliveryStatus.Pending)
                .Select(d => d.Id).FirstOrDefaultAsync();
            if (first is not null)
            {
                // As if its retries had run out: only a replay sends it again.
                await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE deliveries SET status = 'Failed', completed_at = 1 WHERE id = {first}");
                return first;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The first attempt was not recorded within 10 s.");
    }
}
