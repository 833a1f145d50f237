using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Listeners;

/// <summary>Counts and latencies of a listener's attempts, aggregated in SQL so a busy listener's week is never read row by row.</summary>
public sealed class ListenerStatsService(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider clock)
{
    private const string Window = "FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id WHERE d.listener_id = @listener AND a.started_at >= @from";

    /// <summary>The listener's statistics, or null when the actor may not see it.</summary>
    public async Task<ListenerStats?> GetAsync(Actor actor, string listenerId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var owner = await db.Listeners.Where(l => l.Id == listenerId).Select(l => new { l.OwnerAccountId }).SingleOrDefaultAsync(cancellationToken);
        if (owner is null || !actor.Sees(owner.OwnerAccountId))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var hourStart = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var dayStart = new DateTimeOffset(now.Year, now.Month, now.Day, 0, 0, 0, TimeSpan.Zero);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var lastDay = await PeriodAsync(connection, listenerId, now.AddDays(-1), cancellationToken);
        var lastWeek = await PeriodAsync(connection, listenerId, now.AddDays(-7), cancellationToken);
        var hourly = await BucketsAsync(connection, listenerId, hourStart.AddHours(-23), TimeSpan.FromHours(1), 24, cancellationToken);
        var daily = await BucketsAsync(connection, listenerId, dayStart.AddDays(-6), TimeSpan.FromDays(1), 7, cancellationToken);
        var waiting = await db.Deliveries.CountAsync(d => d.ListenerId == listenerId && !d.Held &&
            (d.Status == Deliveries.DeliveryStatus.Pending || d.Status == Deliveries.DeliveryStatus.Sending), cancellationToken);
        var held = await ListenerDeliveries.CountHeldAsync(db, listenerId, cancellationToken);
        return new ListenerStats(lastDay, lastWeek, hourly, daily, waiting, held);
    }

    private static async Task<ListenerPeriodStats> PeriodAsync(DbConnection connection, string listenerId, DateTimeOffset from, CancellationToken cancellationToken)
    {
        (string, object?)[] parameters = [("@listener", listenerId), ("@from", from.ToUnixTimeMilliseconds())];
        int attempts, succeeded;
        await using (var count = Sql.Command(connection, null,
            $"SELECT COUNT(*), COALESCE(SUM(CASE WHEN a.response_status BETWEEN 200 AND 299 THEN 1 ELSE 0 END), 0) {Window}", parameters))
        await using (var reader = await count.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (attempts, succeeded) = (reader.GetInt32(0), reader.GetInt32(1));
        }

        return attempts == 0
            ? new ListenerPeriodStats(0, 0, null, null)
            : new ListenerPeriodStats(attempts, succeeded,
                await PercentileAsync(connection, parameters, attempts, 0.50, cancellationToken),
                await PercentileAsync(connection, parameters, attempts, 0.95, cancellationToken));
    }

    // The nearest-rank percentile: the duration below which the given share of attempts fall.
    private static async Task<int?> PercentileAsync(
        DbConnection connection, (string, object?)[] parameters, int attempts, double share, CancellationToken cancellationToken)
    {
        var rank = Math.Max(0, (int)Math.Ceiling(share * attempts) - 1);
        await using var command = Sql.Command(connection, null,
            $"SELECT a.duration_milliseconds {Window} ORDER BY a.duration_milliseconds LIMIT 1 OFFSET {rank}", parameters);
        return await command.ExecuteScalarAsync(cancellationToken) is long value ? (int)value : null;
    }

    private static async Task<IReadOnlyList<ListenerStatsBucket>> BucketsAsync(
        DbConnection connection, string listenerId, DateTimeOffset from, TimeSpan width, int count, CancellationToken cancellationToken)
    {
        var found = new Dictionary<long, ListenerStatsBucket>();
        var widthMs = (long)width.TotalMilliseconds;
        await using (var command = Sql.Command(connection, null,
            $"""
            SELECT (a.started_at - @from) / @width AS bucket, SUM(CASE WHEN a.response_status BETWEEN 200 AND 299 THEN 1 ELSE 0 END), COUNT(*), AVG(a.duration_milliseconds)
            {Window} GROUP BY bucket
            """, ("@listener", listenerId), ("@from", from.ToUnixTimeMilliseconds()), ("@width", widthMs)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var bucket = reader.GetInt64(0);
                var succeeded = reader.GetInt32(1);
                found[bucket] = new ListenerStatsBucket(from + width * bucket, succeeded, reader.GetInt32(2) - succeeded, (int)Math.Round(reader.GetDouble(3)));
            }
        }

        return Enumerable.Range(0, count)
            .Select(i => found.TryGetValue(i, out var bucket) ? bucket : new ListenerStatsBucket(from + width * i, 0, 0, null))
            .ToList();
    }
}
