using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// Hands lifecycle notifications to the registered <see cref="IDeliveryObserver"/>s on a queue of its
/// own, one at a time and in order, so observers never sit on the sending path.
/// </summary>
public sealed class DeliveryNotifier : IAsyncDisposable
{
    private readonly IReadOnlyList<IDeliveryObserver> observers;
    private readonly ILogger<DeliveryNotifier> logger;
    private readonly Channel<Func<IDeliveryObserver, CancellationToken, Task>> queue =
        Channel.CreateUnbounded<Func<IDeliveryObserver, CancellationToken, Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task? loop;

    public DeliveryNotifier(IEnumerable<IDeliveryObserver> observers, ILogger<DeliveryNotifier> logger)
    {
        (this.observers, this.logger) = (observers.ToList(), logger);
        loop = this.observers.Count == 0 ? null : Task.Run(NotifyLoopAsync);
    }

    internal void Started(ClaimedDelivery claim)
    {
        if (observers.Count > 0)
        {
            Enqueue((o, ct) => o.AttemptStartedAsync(
                new AttemptStarted(claim.Id, claim.EventId, claim.ListenerId, claim.AttemptNumber, claim.Trigger), ct));
        }
    }

    internal void Finished(RecordedAttempt recorded)
    {
        if (observers.Count == 0)
        {
            return; // nothing to build notifications for
        }

        var (claim, attempt) = (recorded.Sent.Work.Claim, recorded.Sent.Attempt);
        Enqueue((o, ct) => o.AttemptFinishedAsync(new AttemptFinished(claim.Id, claim.EventId, claim.ListenerId, claim.AttemptNumber,
            recorded.Sent.Result.Succeeded, attempt.ResponseStatus, attempt.ErrorKind, TimeSpan.FromMilliseconds(attempt.DurationMilliseconds),
            recorded.Decision.NextAttemptAt), ct));
        if (recorded.Applied && recorded.Decision.Outcome is RetryOutcome.Failed or RetryOutcome.FailedAndDisableListener)
        {
            Enqueue((o, ct) => o.DeliveryFailedAsync(
                new DeliveryFailed(claim.Id, claim.EventId, claim.ListenerId, claim.AttemptNumber, recorded.Decision.Reason ?? "Failed."), ct));
        }

        if (recorded.DisabledListener is { } disabled)
        {
            Enqueue((o, ct) => o.ListenerDisabledAsync(new ListenerDisabled(disabled.ListenerId, disabled.Reason), ct));
        }
    }

    // Called only when someone observes: Started and Finished build nothing otherwise.
    private void Enqueue(Func<IDeliveryObserver, CancellationToken, Task> notification) => queue.Writer.TryWrite(notification);

    private async Task NotifyLoopAsync()
    {
        await foreach (var notification in queue.Reader.ReadAllAsync())
        {
            foreach (var observer in observers)
            {
                try
                {
                    await notification(observer, CancellationToken.None);
                }
                catch (Exception e)
                {
                    logger.LogError(e, "The delivery observer {Observer} failed; delivery goes on", observer.GetType().Name);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (loop is not null)
        {
            await loop;
        }
    }
}
