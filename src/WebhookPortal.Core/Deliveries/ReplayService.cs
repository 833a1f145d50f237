using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Audit;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// Replay: one more attempt of a finished delivery, with the trigger <see cref="AttemptTrigger.Replay"/>, the
/// same <c>webhook-id</c>, and the name of who asked. One at a time, or every finished delivery a log filter
/// matches as a background job (<see cref="BulkReplayWorker"/>). Support and admins only; each is audited.
/// A replay to a disabled listener waits, held, until it is enabled again.
/// </summary>
public sealed class ReplayService(
    IDbContextFactory<PortalDbContext> contextFactory,
    DeliverySignal signal,
    BulkReplaySignal bulkSignal,
    TimeProvider clock,
    ILogger<ReplayService> logger)
{
    public const int BatchSize = 200;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ServiceResult<DeliveryDetails>> ReplayAsync(Actor actor, string id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var delivery = await DeliveryLog.Matching(db, actor, new DeliveryFilter()).Where(d => d.Id == id)
            .Select(d => new { d.Status, ListenerDeleted = d.Listener.DeletedAt != null, d.NextAttemptAt, d.ListenerId, d.EventId })
            .SingleOrDefaultAsync(cancellationToken);
        if (delivery is null)
        {
            return ServiceError.NotFound("Delivery not found", $"No delivery has the id '{id}'.");
        }

        if (!actor.IsStaff)
        {
            return ServiceError.Forbidden("Only support and admins replay deliveries.");
        }

        if (!DeliveryLog.IsReplayable(delivery.Status, delivery.ListenerDeleted))
        {
            return ServiceError.Conflict("This delivery cannot be replayed now", delivery switch
            {
                { ListenerDeleted: true } => "Its listener was deleted, so there is nowhere to send it.",
                { Status: DeliveryStatus.Sending } => "It is being sent right now; wait for the attempt to finish.",
                _ => $"It is still waiting for its next scheduled attempt (at {delivery.NextAttemptAt:u}); only finished deliveries are replayed.",
            });
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var queued = await QueueAsync(db, [id], actor.Name, now, cancellationToken);
        if (queued == 0)
        {
            return ServiceError.Conflict("This delivery cannot be replayed now", "It changed while the replay was being asked; reload it and try again.");
        }

        AuditTrail.Add(db, actor, now, AuditActions.DeliveryReplayed, "delivery", id,
            $"Delivery {id} of event {delivery.EventId} replayed to listener {delivery.ListenerId}",
            before: new { status = delivery.Status.ToString() }, after: new { status = nameof(DeliveryStatus.Pending), trigger = nameof(AttemptTrigger.Replay) });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        logger.LogInformation("Delivery {DeliveryId} replayed by {Actor}", id, actor.Name);
        return ServiceResult<DeliveryDetails>.Ok((await new DeliveryLog(contextFactory).FindAsync(actor, id, cancellationToken))!);
    }

    /// <summary>How many deliveries a bulk replay with this filter would queue: the finished ones it matches.</summary>
    public async Task<int> CountReplayableAsync(Actor actor, DeliveryFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Replayable(db, actor, filter).CountAsync(cancellationToken);
    }

    /// <summary>Starts replaying every finished delivery the filter matches now; later ones are not included.</summary>
    public async Task<ServiceResult<ReplayJob>> StartBulkAsync(Actor actor, DeliveryFilter filter, CancellationToken cancellationToken)
    {
        if (!actor.IsStaff)
        {
            return ServiceError.Forbidden("Only support and admins replay deliveries.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var matching = Replayable(db, actor, filter);
        var newest = await matching.OrderByDescending(d => d.Id).Select(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        if (newest is null)
        {
            return ServiceError.Conflict("Nothing to replay", "No finished delivery matches this filter.");
        }

        var now = clock.GetUtcNow();
        var total = await matching.CountAsync(d => string.Compare(d.Id, newest) <= 0, cancellationToken);
        var filterJson = JsonSerializer.Serialize(filter, Json);
        var job = new ReplayJob
        {
            Id = SortableId.New(ReplayJob.IdPrefix, now), Filter = filterJson, UpToDeliveryId = newest, Total = total,
            RequestedBy = actor.Name, CreatedAt = now,
        };
        db.ReplayJobs.Add(job);
        AuditTrail.Add(db, actor, now, AuditActions.BulkReplayStarted, "replay-job", job.Id,
            $"Bulk replay of {total} deliveries started", after: new { filter, total });
        await db.SaveChangesAsync(cancellationToken);
        bulkSignal.Notify();
        logger.LogInformation("Bulk replay {JobId} of {Total} deliveries started by {Actor}", job.Id, total, actor.Name);
        return ServiceResult<ReplayJob>.Ok(job);
    }

    public async Task<ReplayJob?> FindJobAsync(Actor actor, string id, CancellationToken cancellationToken)
    {
        if (!actor.IsStaff)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReplayJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
    }

    /// <summary>
    /// Queues the next batch of a bulk replay and records how far it got; true when the job is done. Each batch
    /// is its own short transaction, so deliveries go on meanwhile. The job acts with the scope of staff: its
    /// filter was checked against its requester's role when it was made.
    /// </summary>
    internal async Task<bool> RunBatchAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var job = await db.ReplayJobs.SingleAsync(j => j.Id == jobId, cancellationToken);
        if (job.CompletedAt is not null)
        {
            return true;
        }

        var filter = JsonSerializer.Deserialize<DeliveryFilter>(job.Filter, Json) ?? new DeliveryFilter();
        var staff = new Actor(null, job.RequestedBy, AccountRole.Support);
        var (upTo, cursor) = (job.UpToDeliveryId, job.Cursor);
        var batch = Replayable(db, staff, filter).Where(d => string.Compare(d.Id, upTo) <= 0);
        if (cursor is not null)
        {
            batch = batch.Where(d => string.Compare(d.Id, cursor) < 0);
        }

        var ids = await batch.OrderByDescending(d => d.Id).Select(d => d.Id).Take(BatchSize).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        job.Queued += ids.Count == 0 ? 0 : await QueueAsync(db, ids, job.RequestedBy, now, cancellationToken);
        job.Cursor = ids.Count == 0 ? job.Cursor : ids[^1];
        var done = ids.Count < BatchSize;
        if (done)
        {
            job.CompletedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (ids.Count > 0)
        {
            signal.Notify();
        }

        return done;
    }

    internal async Task<IReadOnlyList<string>> UnfinishedJobsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReplayJobs.Where(j => j.CompletedAt == null).OrderBy(j => j.Id).Select(j => j.Id).ToListAsync(cancellationToken);
    }

    private static IQueryable<Delivery> Replayable(PortalDbContext db, Actor actor, DeliveryFilter filter) =>
        DeliveryLog.Matching(db, actor, filter)
            .Where(d => (d.Status == DeliveryStatus.Succeeded || d.Status == DeliveryStatus.Failed) && d.Listener.DeletedAt == null);

    /// <summary>
    /// Puts finished deliveries back in the queue for one replay attempt, due now; held when their listener is
    /// disabled. The WHERE repeats the conditions, so a delivery that changed meanwhile is left alone.
    /// </summary>
    private static Task<int> QueueAsync(PortalDbContext db, IReadOnlyList<string> ids, string triggeredBy, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            UPDATE deliveries SET status = 'Pending', held = CASE WHEN l.enabled = 0 THEN 1 ELSE 0 END,
                next_attempt_at = {now.ToUnixTimeMilliseconds()}, next_trigger = 'Replay', next_triggered_by = {triggeredBy},
                completed_at = NULL, lease_expires_at = NULL
            FROM listeners l
            WHERE deliveries.id IN (SELECT value FROM json_each({JsonSerializer.Serialize(ids)})) AND l.id = deliveries.listener_id
                AND l.deleted_at IS NULL AND deliveries.status IN ('Succeeded', 'Failed')
            """, cancellationToken);
}
