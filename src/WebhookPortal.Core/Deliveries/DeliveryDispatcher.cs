using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// Sends every stored delivery at least once. It claims due deliveries in batches under a lease, keeps
/// them ready, and starts each when a sender is free and its listener is under
/// <c>Delivery:PerListenerConcurrency</c>; a sender is free again as soon as its request ended, while the
/// attempt is recorded by group commit. A crash leaves leases that run out, and their deliveries are
/// claimed again with the same <c>webhook-id</c>. It wakes when an event is stored or a listener enabled
/// (<see cref="DeliverySignal"/>), when a sender comes free, when the next retry is due, and at least every
/// <c>Delivery:PollSeconds</c>. At shutdown it stops claiming, gives back what it had not started, lets
/// requests in flight finish within <c>Delivery:ShutdownGraceSeconds</c>, and gives the rest back.
/// </summary>
public sealed class DeliveryDispatcher(
    DeliveryQueue queue,
    DeliverySender sender,
    AttemptRecorder recorder,
    DeliveryNotifier notifier,
    DeliverySignal signal,
    DeliveryWorkLoader loader,
    IDbContextFactory<PortalDbContext> contextFactory,
    IOptions<DeliveryOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<DeliveryDispatcher> logger) : BackgroundService
{
    // One claim statement takes at most this many.
    private const int MaxClaim = 256;

    private readonly DeliveryOptions settings = options.Value;
    // Never disposed: a host may stop the service after disposing it, and a source without a timer holds nothing.
    private readonly CancellationTokenSource abandon = new();

    // Everything below is guarded by this lock. "Held" counts what this node holds under a lease: ready,
    // being sent, or being recorded.
    private readonly object state = new();
    private readonly List<(DeliveryWork Work, DateTimeOffset LeasedUntil)> ready = [];
    private readonly Dictionary<string, int> sendingByListener = [];
    private readonly Dictionary<string, int> heldByListener = [];
    private readonly Dictionary<string, (ClaimedDelivery Claim, Task? Sending)> held = [];
    private readonly List<ClaimedDelivery> stale = [];
    private readonly HashSet<string> capped = [];
    private int sending;
    private bool roomForAListener;
    private bool stopping;

    // Up to three rounds of work per sender are held: one being sent, one being recorded, one ready.
    private int HoldLimit => settings.Concurrency * 3;

    // A listener may hold a round ready beyond its requests in flight.
    private int HoldPerListener => settings.PerListenerConcurrency * 2;

    // A listener left at its limit prompts another claim once half a round of its own has finished: claims then
    // take several of its deliveries at once instead of one per finished request, and its senders never run dry.
    private bool HasRoomForARefill(int heldNow) => heldNow <= HoldPerListener - Math.Max(1, settings.PerListenerConcurrency / 2);

    // Claims are batched: once busy, the dispatcher claims when half a round has room.
    private int ClaimBatch => Math.Max(1, settings.Concurrency / 2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled)
        {
            logger.LogWarning("Delivery:Enabled is false: events are stored and queued, but this portal sends nothing");
            return;
        }

        // Deliveries to the portal itself (its built-in receiver) would be refused before it listens.
        await WhenStartedAsync(stoppingToken);
        var poll = TimeSpan.FromSeconds(settings.PollSeconds);
        var moreDue = true;
        var announced = false;
        var recheckAt = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await GiveBackStaleAsync();
                StartReady();

                var now = clock.GetUtcNow();

                // Taken before claiming, so what is announced meanwhile gets another claim; kept until a claim runs.
                announced |= NewWorkAnnounced();
                var (room, worthClaiming) = ClaimRoom(announced || moreDue || now >= recheckAt);
                if (worthClaiming)
                {
                    announced = false;
                    var seen = HeldByListener();
                    var asked = Math.Min(room, MaxClaim);
                    var batch = await queue.ClaimAsync(asked, HoldPerListener, seen, now,
                        TimeSpan.FromSeconds(settings.LeaseSeconds), stoppingToken);

                    // A claim that took less than it asked, leaving listeners at their limit, left what is still due
                    // to those listeners: one of them coming under its limit prompts the next claim, not every wake-up.
                    var leftToCappedListeners = NoteCapped(seen, batch.Claims) && batch.Claims.Count < asked;
                    moreDue = batch.MoreDue && !leftToCappedListeners;
                    recheckAt = batch.NextDueAt is { } due && due < now + poll ? due : now + poll;
                    if (batch.Claims.Count > 0)
                    {
                        await MakeReadyAsync(batch.Claims, now, stoppingToken);
                        continue;
                    }
                }

                var wait = recheckAt - clock.GetUtcNow();
                await signal.WaitAsync(wait < TimeSpan.Zero ? poll : wait < poll ? wait : poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The database is busy or unreachable: nothing is lost (claims run out and come back); try again shortly.
                logger.LogError(e, "The dispatcher could not claim deliveries; it tries again in a second");
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var whenStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var whenStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        await started.Task;
    }

    /// <summary>
    /// How many more this node may hold, and whether to claim now: only when there may be work, and then
    /// in batches, unless a sender would otherwise sit idle.
    /// </summary>
    private (int Room, bool Worth) ClaimRoom(bool mayBeDue)
    {
        lock (state)
        {
            var room = HoldLimit - held.Count;
            var idleSender = ready.Count == 0 && sending < settings.Concurrency;
            var worth = (mayBeDue || roomForAListener) && room > 0 && (room >= ClaimBatch || idleSender);

            // A listener that came under its limit is remembered until a claim actually runs.
            roomForAListener &= !worth;
            return (room, worth);
        }
    }

    /// <summary>
    /// Whether work was announced that a claim could take now: not when it is only for listeners left at their
    /// limit, whose own deliveries finishing prompts their next claim.
    /// </summary>
    private bool NewWorkAnnounced()
    {
        var (anyListener, listeners) = signal.TakeAnnounced();
        if (anyListener)
        {
            return true;
        }

        lock (state)
        {
            return listeners.Any(listenerId => !capped.Contains(listenerId));
        }
    }

    private Dictionary<string, int> HeldByListener()
    {
        lock (state)
        {
            return new Dictionary<string, int>(heldByListener);
        }
    }

    /// <summary>
    /// Remembers the listeners this claim left at their limit, so that one of theirs finishing prompts another
    /// claim; one that already finished enough of what it held meanwhile prompts it now.
    /// </summary>
    /// <returns>Whether the claim left any listener at its limit.</returns>
    private bool NoteCapped(IReadOnlyDictionary<string, int> seen, IReadOnlyList<ClaimedDelivery> claims)
    {
        var anyCapped = false;
        var claimed = claims.GroupBy(c => c.ListenerId).ToDictionary(g => g.Key, g => g.Count());
        lock (state)
        {
            foreach (var listenerId in seen.Keys.Union(claimed.Keys))
            {
                if (seen.GetValueOrDefault(listenerId) + claimed.GetValueOrDefault(listenerId) < HoldPerListener)
                {
                    continue;
                }

                anyCapped = true;

                // The new claims are not counted as held yet.
                if (HasRoomForARefill(heldByListener.GetValueOrDefault(listenerId) + claimed.GetValueOrDefault(listenerId)))
                {
                    roomForAListener = true;
                }
                else
                {
                    capped.Add(listenerId);
                }
            }
        }

        return anyCapped;
    }

    private async Task MakeReadyAsync(IReadOnlyList<ClaimedDelivery> claims, DateTimeOffset now, CancellationToken stoppingToken)
    {
        lock (state)
        {
            foreach (var claim in claims)
            {
                held[claim.Id] = (claim, null);
                heldByListener[claim.ListenerId] = heldByListener.GetValueOrDefault(claim.ListenerId) + 1;
            }
        }

        List<DeliveryWork> work;
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(stoppingToken);
            work = await loader.LoadAsync(db, claims, now, stoppingToken);
        }
        catch
        {
            await queue.ReleaseAsync(claims.ToList(), clock.GetUtcNow(), CancellationToken.None);
            claims.ToList().ForEach(Forget);
            throw;
        }

        var leasedUntil = now + TimeSpan.FromSeconds(settings.LeaseSeconds);
        lock (state)
        {
            ready.AddRange(work.Select(w => (w, leasedUntil)));
        }
    }

    /// <summary>Starts what is ready, as far as free senders and each listener's limit allow.</summary>
    private void StartReady()
    {
        var starting = new List<DeliveryWork>();
        lock (state)
        {
            // A request must be able to run its full time within the lease; what waited too long goes back.
            var latestStart = clock.GetUtcNow() + TimeSpan.FromSeconds(settings.RequestTimeoutSeconds + 1);
            for (var i = 0; i < ready.Count && sending < settings.Concurrency && !stopping; i++)
            {
                var (work, leasedUntil) = ready[i];
                var listenerId = work.Claim.ListenerId;
                if (leasedUntil < latestStart)
                {
                    stale.Add(work.Claim);
                    ready.RemoveAt(i--);
                    continue;
                }

                if (sendingByListener.GetValueOrDefault(listenerId) >= settings.PerListenerConcurrency)
                {
                    continue;
                }

                ready.RemoveAt(i--);
                sending++;
                sendingByListener[listenerId] = sendingByListener.GetValueOrDefault(listenerId) + 1;
                starting.Add(work);
            }
        }

        foreach (var work in starting)
        {
            var sendingTask = SendAsync(work);
            lock (state)
            {
                if (held.ContainsKey(work.Claim.Id))
                {
                    held[work.Claim.Id] = (work.Claim, sendingTask);
                }
            }
        }
    }

    private async Task GiveBackStaleAsync()
    {
        List<ClaimedDelivery> giveBack;
        lock (state)
        {
            giveBack = [.. stale];
            stale.Clear();
        }

        if (giveBack.Count > 0)
        {
            await queue.ReleaseAsync(giveBack, clock.GetUtcNow(), CancellationToken.None);
            giveBack.ForEach(Forget);
        }
    }

    private async Task SendAsync(DeliveryWork work)
    {
        await Task.Yield(); // the dispatcher goes on starting others
        var claim = work.Claim;

        // Everything logged about this attempt, here and below, carries its ids.
        using var scope = claim.BeginLogScope(logger);
        SentAttempt sent;
        try
        {
            notifier.Started(claim);
            sent = await sender.SendAsync(work, abandon.Token);
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            // Shut down mid-request: the claim stays held, and its lease is given back.
            SenderFree(claim);
            return;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Delivery {DeliveryId}: the attempt failed unexpectedly; it will be tried again when its lease runs out", claim.Id);
            SenderFree(claim);
            Forget(claim);
            return;
        }

        SenderFree(claim);
        try
        {
            var recorded = await recorder.RecordAsync(sent, CancellationToken.None);
            logger.LogDebug("Delivery {DeliveryId} attempt {AttemptNumber}: {Outcome} ({ErrorKind}, status {StatusCode}, {DurationMilliseconds} ms)",
                claim.Id, claim.AttemptNumber, recorded.Outcome, sent.Result.ErrorKind, (object?)sent.Result.StatusCode ?? "none", sent.Attempt.DurationMilliseconds);
        }
        catch (Exception e)
        {
            // Recording failed: the lease runs out and the delivery is claimed again.
            logger.LogError(e, "Delivery {DeliveryId}: the attempt could not be recorded; it will be tried again", claim.Id);
        }

        Forget(claim);
    }

    private void SenderFree(ClaimedDelivery claim)
    {
        lock (state)
        {
            sending--;
            sendingByListener[claim.ListenerId]--;
        }

        signal.Wake();
    }

    /// <summary>The claim is no longer this node's: recorded, or left to its lease.</summary>
    private void Forget(ClaimedDelivery claim)
    {
        lock (state)
        {
            if (held.Remove(claim.Id))
            {
                var count = heldByListener[claim.ListenerId]--;
                if (HasRoomForARefill(count - 1))
                {
                    roomForAListener |= capped.Remove(claim.ListenerId);
                }

                if (count == 1)
                {
                    heldByListener.Remove(claim.ListenerId);
                }
            }

            if (sendingByListener.TryGetValue(claim.ListenerId, out var sendingNow) && sendingNow == 0)
            {
                sendingByListener.Remove(claim.ListenerId);
            }
        }

        signal.Wake();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken); // stops claiming
        Task[] inFlight;
        lock (state)
        {
            stopping = true;
            ready.Clear(); // never started: given back below with the unfinished
            inFlight = held.Values.Select(h => h.Sending).OfType<Task>().ToArray();
        }

        await Task.WhenAny(Task.WhenAll(inFlight), Task.Delay(TimeSpan.FromSeconds(settings.ShutdownGraceSeconds), clock, cancellationToken));
        abandon.Cancel();
        await Task.WhenAll(inFlight).WaitAsync(TimeSpan.FromSeconds(5), clock, CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);

        List<ClaimedDelivery> unfinished;
        lock (state)
        {
            unfinished = held.Values.Select(h => h.Claim).ToList();
        }

        if (unfinished.Count > 0)
        {
            await queue.ReleaseAsync(unfinished, clock.GetUtcNow(), CancellationToken.None);
            logger.LogInformation("Shutdown: {Count} deliveries held by this node were given back and will be sent again", unfinished.Count);
        }
    }
}
