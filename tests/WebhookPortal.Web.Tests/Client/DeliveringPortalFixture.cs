using WebhookPortal.Client;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Client;

/// <summary>
/// The real app with its delivery engine on, a real receiver on 127.0.0.1 for its deliveries, and a
/// <see cref="WebhookPortalClient"/> holding the admin key. Shared by the client's and the verifier's tests.
/// </summary>
public sealed class DeliveringPortalFixture : IAsyncLifetime
{
    public PortalAppFactory App { get; } = new PortalAppFactory()
        .With("Delivery:Enabled", "true").With("Delivery:PollSeconds", "1").With("Delivery:JitterPercent", "0");

    public LocalReceiver Receiver { get; private set; } = default!;

    public WebhookPortalClient Client { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Receiver = await LocalReceiver.StartAsync();
        Client = new WebhookPortalClient(App.CreateClient(), PortalAppFactory.AdminKey);
    }

    /// <summary>A new enabled listener of <c>order.paid</c> pointing at a path of the receiver (one path per test keeps them apart).</summary>
    public Task<Listener> ListenerAsync(string path, params MatchFilter[] filters) =>
        Client.CreateListenerAsync(new ListenerRequest("order.paid", Receiver.Url(path)) { Filters = filters });

    /// <summary>A listener that receives only events whose id is <paramref name="orderId"/>, so each test sees only its own.</summary>
    public Task<Listener> OwnListenerAsync(string path, string orderId) =>
        ListenerAsync(path, new MatchFilter("id", FilterOperator.Is, orderId));

    /// <summary>The delivery of an event to a listener once it is finished (succeeded or failed); fails after 20 seconds.</summary>
    public async Task<DeliveryDetails> FinishedDeliveryAsync(string listenerId, string eventId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var page = await Client.ListDeliveriesAsync(new DeliveryFilter { ListenerId = listenerId, EventId = eventId }, cancellationToken: timeout.Token);
            if (page.Items is [{ Status: DeliveryStatus.Succeeded or DeliveryStatus.Failed } row])
            {
                return await Client.GetDeliveryAsync(row.Id, timeout.Token);
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>A delivery once it has recorded <paramref name="count"/> attempts; fails after 20 seconds.</summary>
    public async Task<DeliveryDetails> AttemptsAsync(string deliveryId, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var delivery = await Client.GetDeliveryAsync(deliveryId, timeout.Token);
            if (delivery.Attempts.Count >= count)
            {
                return delivery;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
