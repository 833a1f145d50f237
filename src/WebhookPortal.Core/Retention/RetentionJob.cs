using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Retention;

/// <summary>
/// Deletes history older than <c>Retention:Days</c> in small batches, each taking its turn at the write gate
/// like the engine and publishing do, with a short pause between them: attempts first, then events with their deliveries. An event that
/// still has a delivery waiting (pending, sending, or held for a disabled listener) is kept whatever its age.
/// The audit trail is never deleted.
/// </summary>
public sealed class RetentionJob(
    WriteGate writeGate,
    IOptions<RetentionOptions> options,
    TimeProvider clock,
    ILogger<RetentionJob> logger) : BackgroundService
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let start-up (migrations, seeding, the first deliveries) go first.
        await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        while (!stoppingToken.IsCancellationRequested && options.Value.Days > 0)
        {
            try
            {
                var deleted = await RunOnceAsync(stoppingToken);
                if (deleted.Attempts + deleted.Events > 0)
                {
                    logger.LogInformation(
                        "Retention deleted {AttemptCount} attempts, {EventCount} events and {DeliveryCount} deliveries older than {Days} days",
                        deleted.Attempts, deleted.Events, deleted.Deliveries, options.Value.Days);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "The retention clean-up failed; it runs again at the next interval");
            }

            await Task.Delay(TimeSpan.FromMinutes(options.Value.IntervalMinutes), clock, stoppingToken)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Deletes everything past the retention period now, batch by batch.</summary>
    public async Task<RetentionResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var (days, batch) = (options.Value.Days, options.Value.BatchSize);
        if (days == 0)
        {
            return new RetentionResult(0, 0, 0);
        }

        var cutoff = clock.GetUtcNow().AddDays(-days);
        var (attempts, events, deliveries) = (0, 0, 0);
        int deleted;
        do
        {
            deleted = await InTurnAsync(statements => statements.ExecuteAsync(OldAttempts,
                ("@cutoff", cutoff.ToUnixTimeMilliseconds()), ("@batch", batch)), cancellationToken);
            attempts += deleted;
            await Task.Delay(Pause, cancellationToken);
        }
        while (deleted == batch);

        // Event ids grow with time: everything below the cut-off id was made before the cut-off.
        (string, object?)[] candidates = [("@oldest", SortableId.Lowest(Event.IdPrefix, cutoff)), ("@batch", batch)];
        while (true)
        {
            var (gone, goneDeliveries) = await InTurnAsync(async statements =>
            {
                await statements.ExecuteAsync(CandidatesAttempts, candidates);
                var fromDeliveries = await statements.ExecuteAsync(CandidatesDeliveries, candidates);
                return (await statements.ExecuteAsync(CandidatesEvents, candidates), fromDeliveries);
            }, cancellationToken);
            (events, deliveries) = (events + gone, deliveries + goneDeliveries);
            if (gone < batch)
            {
                break;
            }

            await Task.Delay(Pause, cancellationToken);
        }

        return new RetentionResult(attempts, events, deliveries);
    }

    // One batch in one transaction, taking its turn at the write gate like every other writer: the engine and
    // publishing wait at most one batch, instead of both sides sleeping in SQLite's busy handler.
    private async Task<T> InTurnAsync<T>(Func<SqlStatements, Task<T>> batch, CancellationToken cancellationToken)
    {
        await using var transaction = await writeGate.BeginAsync(cancellationToken);
        var result = await batch(transaction.Statements);
        await transaction.CommitAsync();
        return result;
    }

    private const string OldAttempts =
        "DELETE FROM delivery_attempts WHERE id IN (SELECT id FROM delivery_attempts WHERE started_at < @cutoff LIMIT @batch)";

    // The oldest events before the cut-off with nothing still to send (pending, held or sending). The same
    // rows each time within one transaction: deleting an event's deliveries changes no other event's standing.
    private const string Candidates =
        "SELECT e.id FROM events e WHERE e.id < @oldest AND NOT EXISTS " +
        "(SELECT 1 FROM deliveries d WHERE d.event_id = e.id AND d.status IN ('Pending', 'Sending')) ORDER BY e.id LIMIT @batch";

    private const string CandidatesAttempts =
        "DELETE FROM delivery_attempts WHERE delivery_id IN (SELECT id FROM deliveries WHERE event_id IN (" + Candidates + "))";

    private const string CandidatesDeliveries = "DELETE FROM deliveries WHERE event_id IN (" + Candidates + ")";

    private const string CandidatesEvents = "DELETE FROM events WHERE id IN (" + Candidates + ")";
}
