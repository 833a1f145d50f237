using System.Text.Json;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Core.Demo;

/// <summary>
/// The demo's traffic, added on the first start once the hooks are there: listeners on <c>order.paid</c> and
/// <c>person.saved</c> that point at the portal's own receiver (<c>{base}/receiver/…</c>, see <see cref="PortalBaseUrl"/>), and a few
/// <c>order.paid</c> events for the dispatcher to send at once. So a newcomer sees on <c>/receiver</c>, within a
/// minute, deliveries arriving, a failure (<c>?fail=1</c>) and the retry that succeeds. Listeners are created by
/// <see cref="ListenerService"/> (they get secrets) and events published by <see cref="EventPublisher"/>, as anyone's are;
/// both only once the portal listens, so the listeners carry the port the server really got.
/// </summary>
public static class DemoDeliveries
{
    private static readonly (string Hook, string Path, string Description)[] Listeners =
    [
        ("order.paid", "receiver/orders?fail=1",
            "Demo: the portal's built-in receiver. Its first call fails (?fail=1), so the first order shows a retry."),
        ("person.saved", "receiver/people", "Demo: the portal's built-in receiver. Save a person on the People page to send one."),
    ];

    private static readonly string[] Orders =
    [
        """{"id":"ord_1001","customer":{"email":"jane@example.com"},"amount":49.90,"currency":"EUR"}""",
        """{"id":"ord_1002","customer":{"email":"ravi@example.com"},"amount":120.00,"currency":"USD"}""",
        """{"id":"ord_1003","customer":{"email":"mia@example.com"},"amount":15.50,"currency":"EUR"}""",
    ];

    /// <summary>Adds the listeners; one whose hook the host does not have is passed over. How many were added.</summary>
    /// <param name="baseUrl">The portal's own address without a trailing slash: <c>Portal:BaseUrl</c>, else the first
    /// address the running server listens on.</param>
    public static async Task<int> AddListenersAsync(ListenerService listeners, string baseUrl, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var (hook, path, description) in Listeners)
        {
            var created = await listeners.CreateAsync(Accounts.Actor.System, new ListenerInput(hook, $"{baseUrl}/{path}", description, true, [], []), cancellationToken);
            added += created.Succeeded ? 1 : 0;
        }

        return added;
    }

    /// <summary>
    /// Publishes the orders. Called once the web server listens: the dispatcher sends at once, and the receiver
    /// is this very portal, so earlier the first attempts would find nobody there. How many were published.
    /// </summary>
    public static async Task<int> PublishEventsAsync(EventPublisher publisher, CancellationToken cancellationToken)
    {
        var published = 0;
        foreach (var order in Orders)
        {
            using var payload = JsonDocument.Parse(order);
            var result = await publisher.PublishAsync(
                new PublishRequest("order.paid", payload.RootElement, EventOrigin.Test, OriginDetail: "demo data"), cancellationToken);
            published += result.Succeeded ? 1 : 0;
        }

        return published;
    }
}
