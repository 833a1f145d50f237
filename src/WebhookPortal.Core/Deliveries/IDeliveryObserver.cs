namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// Lifecycle notifications for the host application — the .NET form of signals. Register any number
/// with <c>services.AddSingleton&lt;IDeliveryObserver, MyObserver&gt;()</c>. They are called after the
/// change they report has been committed, one at a time and in order, off the sending path: a slow
/// observer delays only the observers, and an exception is logged and never breaks delivery.
/// Override only the notifications you need.
/// </summary>
public interface IDeliveryObserver
{
    /// <summary>A sender has claimed a delivery and is about to send it.</summary>
    Task AttemptStartedAsync(AttemptStarted started, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>An attempt ended and was recorded, successful or not.</summary>
    Task AttemptFinishedAsync(AttemptFinished finished, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A delivery is dead: out of tries, stopped by the receiver, or its listener gone.</summary>
    Task DeliveryFailedAsync(DeliveryFailed failed, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A listener was disabled because of its failures (or a 410 Gone).</summary>
    Task ListenerDisabledAsync(ListenerDisabled disabled, CancellationToken cancellationToken) => Task.CompletedTask;
}
