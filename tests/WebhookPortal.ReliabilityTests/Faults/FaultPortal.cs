using System.Net;
using System.Net.Sockets;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.ReliabilityTests.Support;
using WebhookPortal.TestSupport;

namespace WebhookPortal.ReliabilityTests.Faults;

/// <summary>
/// One portal process and one receiver for all the fault cases. Each case gets its own listener, matched by the
/// event's <c>case</c> field, so the cases do not disturb each other. The schedule's second delay is 30 s with
/// ±20 % jitter, so a failed first attempt is retried 24–36 s after it ended unless a rule says otherwise; the
/// whole request may take 3 s.
/// </summary>
public sealed class FaultPortal : IAsyncLifetime
{
    public const string Hook = "fault.test";
    public const int RequestTimeoutSeconds = 3;
    private readonly TempFolder folder = new();

    public ChildPortal Portal { get; private set; } = default!;

    public LocalReceiver Receiver { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Receiver = await LocalReceiver.StartAsync();
        Portal = await ChildPortal.StartAsync(folder.File("portal.db"),
            "--Delivery:RetrySchedule:0=0", "--Delivery:RetrySchedule:1=30", "--Delivery:JitterPercent=20",
            "--Delivery:MinimumBackoffSeconds=60", $"--Delivery:RequestTimeoutSeconds={RequestTimeoutSeconds}",
            "--Delivery:ConnectTimeoutSeconds=2", "--Delivery:LeaseSeconds=10", "--Delivery:ResponseBodyLimitBytes=16384");
        await Portal.CreateHookAsync(Hook, "case");
    }

    /// <summary>A URL on 127.0.0.1 where nothing listens: a port taken from the system and closed again.</summary>
    public static string ClosedPortUrl()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return $"http://127.0.0.1:{port}/refused";
    }

    /// <summary>Points a new listener at <paramref name="url"/> for this case, publishes one event and returns its delivery's id.</summary>
    public async Task<(string ListenerId, string DeliveryId)> PublishToAsync(string name, string url)
    {
        var listenerId = await Portal.CreateListenerAsync(Hook, url, ("case", name));
        var eventId = await Portal.PublishOrFailAsync(Hook, $$"""{"case":"{{name}}"}""");
        return (listenerId, (await Portal.DeliveryIdsOfAsync(eventId)).Single());
    }

    /// <summary>Waits (bounded) until the delivery's first attempt is recorded, and returns the delivery as the log shows it.</summary>
    public async Task<DeliveryDetails> FirstAttemptAsync(string deliveryId, TimeSpan? timeout = null)
    {
        DeliveryDetails details = await Portal.DeliveryAsync(deliveryId);
        await Waiting.UntilAsync(() => details.Attempts.Count > 0, timeout ?? TimeSpan.FromSeconds(30),
            () => $"{deliveryId} is {details.Delivery.Status} with no attempt recorded", TimeSpan.FromMilliseconds(100),
            refresh: async () => details = await Portal.DeliveryAsync(deliveryId));
        return details;
    }

    public async Task DisposeAsync()
    {
        Portal.Dispose();
        await Receiver.DisposeAsync();
        folder.Dispose();
    }
}
