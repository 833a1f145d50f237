using WebhookPortal.Core.Deliveries;

namespace WebhookPortal.Web.Components.Shared;

/// <summary>
/// Keeps an open page in step with the deliveries: when the log changes in a way the page cares about, it reloads
/// once after a short delay, so a busy engine coalesces into one reload instead of flooding the circuit.
/// </summary>
public sealed class LiveRefresh : IDisposable
{
    private readonly DeliveryActivity activity;
    private readonly TimeSpan delay;
    private readonly Func<string?, bool> concerns;
    private readonly Func<Task> reload;
    private readonly Lock gate = new();
    private Timer? pending;
    private bool disposed;

    /// <param name="concerns">Whether a change (a delivery's id, or null for new work anywhere) matters to the page.</param>
    /// <param name="reload">Reloads and re-renders; the page passes it through its own <c>InvokeAsync</c>.</param>
    public LiveRefresh(DeliveryActivity activity, TimeSpan delay, Func<string?, bool> concerns, Func<Task> reload)
    {
        (this.activity, this.delay, this.concerns, this.reload) = (activity, delay, concerns, reload);
        activity.Changed += OnChanged;
    }

    public void Dispose()
    {
        activity.Changed -= OnChanged;
        lock (gate)
        {
            disposed = true;
            pending?.Dispose();
        }
    }

    private void OnChanged(string? deliveryId)
    {
        if (!concerns(deliveryId))
        {
            return;
        }

        lock (gate)
        {
            if (disposed || pending is not null)
            {
                return;
            }

            pending = new Timer(_ =>
            {
                lock (gate)
                {
                    pending?.Dispose();
                    pending = null;
                }

                _ = reload();
            }, null, delay, Timeout.InfiniteTimeSpan);
        }
    }
}
