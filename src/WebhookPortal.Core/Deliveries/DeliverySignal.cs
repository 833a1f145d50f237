using System.Threading.Channels;

namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// Wakes the dispatcher when deliveries become due (an event was stored, a listener enabled, a replay
/// asked for), so the happy path does not wait for a polling interval. Notifications coalesce: many
/// publishes while the dispatcher is busy wake it once. <see cref="TakeAnnounced"/> tells the dispatcher
/// whether new work was announced since it last looked, and for which listeners, as opposed to being woken
/// by its own senders.
/// </summary>
public sealed class DeliverySignal
{
    private readonly Channel<bool> wakeups = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly object announcements = new();
    private HashSet<string> announcedListeners = new(StringComparer.Ordinal);
    private bool announcedAnyListener;

    /// <summary>Raised on every <see cref="Notify"/>, on the notifying thread: handlers must be quick.</summary>
    public event Action? Announced;

    /// <summary>New deliveries may be due, for any listener.</summary>
    public void Notify()
    {
        lock (announcements)
        {
            announcedAnyListener = true;
        }

        Announce();
    }

    /// <summary>New deliveries are due for these listeners (and only these).</summary>
    internal void Notify(IEnumerable<string> listenerIds)
    {
        lock (announcements)
        {
            announcedListeners.UnionWith(listenerIds);
        }

        Announce();
    }

    /// <summary>
    /// What was announced since the last call: whether work may be due for any listener, and the listeners named.
    /// </summary>
    internal (bool AnyListener, IReadOnlySet<string> Listeners) TakeAnnounced()
    {
        lock (announcements)
        {
            var taken = (announcedAnyListener, (IReadOnlySet<string>)announcedListeners);
            announcedAnyListener = false;
            announcedListeners = new HashSet<string>(StringComparer.Ordinal);
            return taken;
        }
    }

    private void Announce()
    {
        wakeups.Writer.TryWrite(true);
        Announced?.Invoke();
    }

    /// <summary>Wakes the dispatcher without announcing work (a sender came free).</summary>
    internal void Wake() => wakeups.Writer.TryWrite(true);

    /// <summary>Waits for a notification or the timeout, whichever comes first; true when notified.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (wakeups.Reader.TryRead(out _))
        {
            return true;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await wakeups.Reader.WaitToReadAsync(timer.Token);
            return wakeups.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
