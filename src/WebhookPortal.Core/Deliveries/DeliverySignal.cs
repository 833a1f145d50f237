using System.Threading.Channels;

namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// Wakes the dispatcher when deliveries become due (an event was stored, a listener enabled, a replay
/// asked for), so the happy path does not wait for a polling interval. Notifications coalesce: many
/// publishes while the dispatcher is busy wake it once.
/// </summary>
public sealed class DeliverySignal
{
    private readonly Channel<bool> wakeups = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Notify() => wakeups.Writer.TryWrite(true);

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
