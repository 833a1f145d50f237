using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Retention;

/// <summary>
/// Deletes history older than <c>Retention:Days</c>, in small batches with a pause between them so deliveries
/// keep the write lock most of the time: attempts first, then events with their deliveries. An event that
/// still has a delivery waiting (pending, sending, or held for a disabled listener) is kept whatever its age.
/// The audit trail is never deleted.
/// </summary>
public sealed class RetentionJob(
    IDbContextFactory<PortalDbContext> contextFactory,
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
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        int deleted;
        do
        {
            deleted = await db.Database.ExecuteSqlInterpolatedAsync(
                $"DELETE FROM delivery_attempts WHERE id IN (SELECT id FROM delivery_attempts WHERE started_at < {cutoff.ToUnixTimeMilliseconds()} LIMIT {batch})",
                cancellationToken);
            attempts += deleted;
            await Task.Delay(Pause, cancellationToken);
        }
        while (deleted == batch);

        // Event ids grow with time: everything below the cut-off id was made before the cut-off.
        var oldest = SortableId.Lowest(Event.IdPrefix, cutoff);
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ids = await db.Events.Where(e => string.Compare(e.Id, oldest) < 0 &&
                    !db.Deliveries.Any(d => d.EventId == e.Id && (d.Status == Deliveries.DeliveryStatus.Pending || d.Status == Deliveries.DeliveryStatus.Sending)))
                .OrderBy(e => e.Id).Select(e => e.Id).Take(batch).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            var json = System.Text.Json.JsonSerializer.Serialize(ids);
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"DELETE FROM delivery_attempts WHERE delivery_id IN (SELECT id FROM deliveries WHERE event_id IN (SELECT value FROM json_each({json})))",
                cancellationToken);
            deliveries += await db.Database.ExecuteSqlInterpolatedAsync(
                $"DELETE FROM deliveries WHERE event_id IN (SELECT value FROM json_each({json}))", cancellationToken);
            events += await db.Database.ExecuteSqlInterpolatedAsync(
                $"DELETE FROM events WHERE id IN (SELECT value FROM json_each({json}))", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (ids.Count < batch)
            {
                break;
            }

            await Task.Delay(Pause, cancellationToken);
        }

        return new RetentionResult(attempts, events, deliveries);
    }
}
