using System.Threading.Channels;

namespace WebhookPortal.Core.Deliveries;

/// <summary>Wakes the <see cref="BulkReplayWorker"/> when a bulk replay is asked for.</summary>
public sealed class BulkReplaySignal
{
    private readonly Channel<bool> wakeups = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Notify() => wakeups.Writer.TryWrite(true);

    internal async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await wakeups.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The timeout: look for unfinished jobs anyway.
        }
    }
}
