namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// Tells open pages that the log changed: new deliveries were queued (published, replayed, released) or an
/// attempt started or ended. Subscribers get the delivery's id when one delivery changed, null when new
/// work may have appeared anywhere; they are called on the engine's threads and must only schedule work.
/// </summary>
public sealed class DeliveryActivity : IDeliveryObserver, IDisposable
{
    private readonly DeliverySignal signal;

    public DeliveryActivity(DeliverySignal signal)
    {
        this.signal = signal;
        signal.Announced += OnAnnounced;
    }

    public event Action<string?>? Changed;

    public Task AttemptStartedAsync(AttemptStarted started, CancellationToken cancellationToken)
    {
        Changed?.Invoke(started.DeliveryId);
        return Task.CompletedTask;
    }

    public Task AttemptFinishedAsync(AttemptFinished finished, CancellationToken cancellationToken)
    {
        Changed?.Invoke(finished.DeliveryId);
        return Task.CompletedTask;
    }

    public void Dispose() => signal.Announced -= OnAnnounced;

    private void OnAnnounced() => Changed?.Invoke(null);
}
