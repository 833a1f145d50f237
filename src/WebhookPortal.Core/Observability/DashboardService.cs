using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Listeners;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Observability;

/// <summary>
/// The dashboard's figures, aggregated in SQL over the attempts of the last hour (the <c>started_at</c> index
/// bounds the read), scoped like every other service: staff see every listener, a customer only its own.
/// </summary>
public sealed class DashboardService(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider clock)
{
    /// <summary>How many failing and disabled listeners the dashboard lists (their counts are complete).</summary>
    public const int ListenerRows = 10;

    private const int Minutes = 60;

    public async Task<DashboardFigures> GetAsync(Actor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var minuteStart = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var from = minuteStart.AddMinutes(1 - Minutes);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var owner = actor.OnlyOwner;

        var perMinute = await PerMinuteAsync(connection, from, owner, cancellationToken);
        var durations = await DurationsAsync(connection, now.AddHours(-1), owner, cancellationToken);
        var attempts = durations.Sum(d => d.Count);
        var queue = QueueReader.Read(connection, now, owner);

        var listeners = db.Listeners.AsNoTracking().Where(l => owner == null || l.OwnerAccountId == owner);
        var failing = listeners.Where(l => l.Enabled && l.ConsecutiveFailures > 0);
        var disabled = listeners.Where(l => !l.Enabled);
        return new DashboardFigures(
            now,
            perMinute,
            attempts,
            durations.Where(d => d.Succeeded).Sum(d => d.Count),
            Percentile(durations, attempts, 0.50),
            Percentile(durations, attempts, 0.95),
            queue,
            await AlertsAsync(failing.OrderByDescending(l => l.ConsecutiveFailures).ThenBy(l => l.Id), cancellationToken),
            await failing.CountAsync(cancellationToken),
            await AlertsAsync(disabled.OrderByDescending(l => l.DisabledAt).ThenBy(l => l.Id), cancellationToken),
            await disabled.CountAsync(cancellationToken));
    }

    private static string Window(int? owner) => owner is null
        ? "FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id WHERE a.started_at >= @from"
        : "FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id JOIN listeners l ON l.id = d.listener_id " +
          "WHERE a.started_at >= @from AND l.owner_account_id = @owner";

    private static DbCommand Command(DbConnection connection, string sql, DateTimeOffset from, int? owner) => owner is { } id
        ? Sql.Command(connection, null, sql, ("@from", from.ToUnixTimeMilliseconds()), ("@owner", id))
        : Sql.Command(connection, null, sql, ("@from", from.ToUnixTimeMilliseconds()));

    /// <summary>Attempts per minute: succeeded, failed and retried, and failed as the last try of a dead delivery.</summary>
    private static async Task<IReadOnlyList<DashboardMinute>> PerMinuteAsync(
        DbConnection connection, DateTimeOffset from, int? owner, CancellationToken cancellationToken)
    {
        var found = new Dictionary<long, DashboardMinute>();
        await using (var command = Command(connection,
            $"""
            SELECT (a.started_at - @from) / 60000 AS minute,
                   SUM(CASE WHEN a.error_kind = 'None' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN a.error_kind <> 'None' AND d.status = 'Failed' AND a.number = d.attempt_count THEN 1 ELSE 0 END),
                   COUNT(*)
            {Window(owner)} GROUP BY minute
            """, from, owner))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var (minute, succeeded, dead, all) = (reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
                found[minute] = new DashboardMinute(from.AddMinutes(minute), succeeded, all - succeeded - dead, dead);
            }
        }

        return Enumerable.Range(0, Minutes)
            .Select(i => found.TryGetValue(i, out var minute) ? minute : new DashboardMinute(from.AddMinutes(i), 0, 0, 0))
            .ToList();
    }

    /// <summary>
    /// How many attempts took each duration (in milliseconds), and whether they succeeded: a few thousand rows at
    /// most however many attempts there were, from which the percentiles are exact.
    /// </summary>
    private static async Task<List<(int Milliseconds, bool Succeeded, int Count)>> DurationsAsync(
        DbConnection connection, DateTimeOffset from, int? owner, CancellationToken cancellationToken)
    {
        var rows = new List<(int, bool, int)>();
        await using var command = Command(connection,
            $"SELECT a.duration_milliseconds, CASE WHEN a.error_kind = 'None' THEN 1 ELSE 0 END AS ok, COUNT(*) {Window(owner)} " +
            "GROUP BY a.duration_milliseconds, ok", from, owner);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetInt32(0), reader.GetInt32(1) == 1, reader.GetInt32(2)));
        }

        return rows;
    }

    /// <summary>The nearest-rank percentile: the smallest duration at or below which the given share of attempts fall.</summary>
    private static int? Percentile(List<(int Milliseconds, bool Succeeded, int Count)> durations, int attempts, double share)
    {
        if (attempts == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (int)Math.Ceiling(share * attempts));
        var seen = 0;
        foreach (var (milliseconds, count) in durations.GroupBy(d => d.Milliseconds).Select(g => (g.Key, g.Sum(d => d.Count))).OrderBy(d => d.Key))
        {
            seen += count;
            if (seen >= rank)
            {
                return milliseconds;
            }
        }

        return durations.Max(d => d.Milliseconds);
    }

    private static async Task<IReadOnlyList<ListenerAlert>> AlertsAsync(IQueryable<Listener> listeners, CancellationToken cancellationToken) =>
        await listeners.Take(ListenerRows)
            .Select(l => new ListenerAlert(l.Id, l.Url, l.Hook.Name, l.ConsecutiveFailures, l.FailingSince, l.DisabledReason, l.DisabledAt))
            .ToListAsync(cancellationToken);
}
