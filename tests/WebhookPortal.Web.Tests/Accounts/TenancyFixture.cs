using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Listeners;
using WebhookPortal.Core.Persistence;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Accounts;

/// <summary>
/// The portal with the people of the role matrix: support, customers A and B (each owning one listener with one
/// failed delivery), an API key for each, and one revoked key. The engine is off, so deliveries stay as set.
/// </summary>
public sealed class TenancyFixture : PortalAppFactory, IAsyncLifetime
{
    public const string Password = "correct-horse-battery-9";

    public Account Support { get; private set; } = default!;
    public Account CustomerA { get; private set; } = default!;
    public Account CustomerB { get; private set; } = default!;
    public string SupportKey { get; private set; } = "";
    public string KeyA { get; private set; } = "";
    public string KeyB { get; private set; } = "";
    public string RevokedKey { get; private set; } = "";
    public string ListenerA { get; private set; } = "";
    public string ListenerB { get; private set; } = "";
    public string DeliveryA { get; private set; } = "";
    public string DeliveryB { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var accounts = Services.GetRequiredService<AccountService>();
        var keys = Services.GetRequiredService<ApiKeyService>();
        Support = (await accounts.CreateAsync(Actor.System, new AccountInput("support@example.com", "Sam Support", AccountRole.Support, Password), default)).Value!;
        CustomerA = (await accounts.CreateAsync(Actor.System, new AccountInput("a@customer-a.example", "Customer A", AccountRole.Customer, Password), default)).Value!;
        CustomerB = (await accounts.CreateAsync(Actor.System, new AccountInput("b@customer-b.example", "Customer B", AccountRole.Customer, Password), default)).Value!;
        SupportKey = (await keys.CreateAsync(Actor.System, Support.Id, "support tools", default)).Value!.Key;
        KeyA = (await keys.CreateAsync(Actor.System, CustomerA.Id, "a's app", default)).Value!.Key;
        KeyB = (await keys.CreateAsync(Actor.System, CustomerB.Id, "b's app", default)).Value!.Key;
        var revoked = (await keys.CreateAsync(Actor.System, CustomerA.Id, "old", default)).Value!;
        await keys.RevokeAsync(Actor.System, revoked.Summary.Id, default);
        RevokedKey = revoked.Key;

        var listeners = Services.GetRequiredService<ListenerService>();
        ListenerA = (await listeners.CreateAsync(Actor.System,
            new ListenerInput("order.paid", "https://a.example/hooks", "A's shop", true, [], [], OwnerAccountId: CustomerA.Id), default)).Value!.Listener.Id;
        ListenerB = (await listeners.CreateAsync(Actor.System,
            new ListenerInput("order.paid", "https://b.example/hooks", "B's shop", true, [], [], OwnerAccountId: CustomerB.Id), default)).Value!.Listener.Id;
        await PublishAsync();
        (DeliveryA, DeliveryB) = (await FailedDeliveryOfAsync(ListenerA), await FailedDeliveryOfAsync(ListenerB));
    }

    /// <summary>Publishes one order.paid event: one new delivery per listener.</summary>
    public async Task PublishAsync()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""{"id":1,"customer":{"email":"x@example.com"},"amount":10,"currency":"EUR"}""");
        await Services.GetRequiredService<EventPublisher>().PublishAsync(new PublishRequest("order.paid", document.RootElement, EventOrigin.Api), default);
    }

    /// <summary>The listener's newest delivery, marked failed as if its schedule had run out.</summary>
    public async Task<string> FailedDeliveryOfAsync(string listenerId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var id = await db.Deliveries.Where(d => d.ListenerId == listenerId).OrderByDescending(d => d.Id).Select(d => d.Id).FirstAsync();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE deliveries SET status = 'Failed', attempt_count = 3, last_response_status = 500, completed_at = 1 WHERE id = {id}");
        return id;
    }

    public HttpClient Client(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
