using System.Text.Json;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// The deliveries table used as a queue (decision 002). A claim takes due rows — pending and not held,
/// or sending with an expired lease — in due order, passes over listeners already at their limit, and
/// marks them sending under a lease in one write transaction. The statements keep to SQL that PostgreSQL reads
/// too (named <c>@</c> parameters, aliased derived tables); what differs there (<c>json_each</c>, the 0/1 flags,
/// <c>FOR UPDATE SKIP LOCKED</c> on the candidates) is listed in docs/scaling.md.
/// </summary>
public sealed class DeliveryQueue(WriteGate writeGate)
{
    private const int MaxRounds = 4;

    // Each round looks this many times further down the queue than it may claim, at most so far.
    private const int ScanFactor = 4;
    private const int MaxScan = 1_024;

    // The first due rows in due order, in SQL, passing over listeners at their limit.
    private const string DueWindow =
        """
        SELECT id, listener_id FROM (
            SELECT id, listener_id, next_attempt_at FROM deliveries WHERE status = 'Pending' AND held = 0 AND next_attempt_at <= @now
            ORDER BY next_attempt_at LIMIT @scan) AS due
        WHERE listener_id NOT IN (SELECT value FROM json_each(@busy)) ORDER BY next_attempt_at LIMIT @limit
        """;

    private const string DueWindowFull =
        """
        SELECT COUNT(*) FROM (
            SELECT 1 FROM deliveries WHERE status = 'Pending' AND held = 0 AND next_attempt_at <= @now ORDER BY next_attempt_at LIMIT @scan) AS due
        """;

    // When the window is all busy listeners' backlog: each other listener's first due delivery, oldest first. It
    // probes every enabled listener once (ix_deliveries_listener_due), so it runs only when the window was full.
    private const string DueByListener =
        """
        SELECT d.id, d.listener_id FROM deliveries d JOIN (
            SELECT (SELECT f.id FROM deliveries f WHERE f.listener_id = l.id AND f.status = 'Pending' AND f.held = 0 AND f.next_attempt_at <= @now
                    ORDER BY f.next_attempt_at LIMIT 1) AS first_id
            FROM listeners l WHERE l.enabled = 1 AND l.deleted_at IS NULL AND l.id NOT IN (SELECT value FROM json_each(@busy))) firsts
        ON d.id = firsts.first_id
        ORDER BY d.next_attempt_at LIMIT @limit
        """;

    private const string ExpiredLeaseWindow =
        """
        SELECT id, listener_id FROM (
            SELECT id, listener_id, lease_expires_at FROM deliveries WHERE status = 'Sending' AND lease_expires_at <= @now
            ORDER BY lease_expires_at LIMIT @scan) AS expired
        WHERE listener_id NOT IN (SELECT value FROM json_each(@busy)) ORDER BY lease_expires_at LIMIT @limit
        """;

    /// <summary>
    /// Claims up to <paramref name="max"/> due deliveries, at most <paramref name="perListener"/> per listener
    /// counting those it holds already (<paramref name="held"/>). When it claims less than asked, it also says
    /// when the next delivery falls due, so the caller can sleep until then.
    /// </summary>
    public async Task<ClaimBatch> ClaimAsync(
        int max, int perListener, IReadOnlyDictionary<string, int> held, DateTimeOffset now, TimeSpan lease,
        CancellationToken cancellationToken)
    {
        await using var transaction = await writeGate.BeginAsync(cancellationToken);
        var claim = new Claim(transaction.Statements, new Dictionary<string, int>(held), perListener, max,
            now.ToUnixTimeMilliseconds(), (now + lease).ToUnixTimeMilliseconds());

        // Due deliveries in due order, then expired leases. A listener that reaches its limit in one round is
        // left out of the next, so one listener's backlog cannot crowd the others out of the batch.
        var moreDue = await claim.RoundsAsync(Due) | await claim.RoundsAsync(ExpiredLeases);
        moreDue |= claim.Claimed.Count == max;
        var nextDue = moreDue ? null : await NextDueAsync(transaction.Statements, claim.Now);
        await transaction.CommitAsync();
        return new ClaimBatch(claim.Claimed, moreDue, nextDue);
    }

    /// <summary>Gives unfinished claims back (at shutdown): pending again, due now, the attempt not counted.</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<ClaimedDelivery> claims, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (claims.Count == 0)
        {
            return;
        }

        await using var transaction = await writeGate.BeginAsync(cancellationToken);
        foreach (var claim in claims)
        {
            await transaction.Statements.ExecuteAsync(
                "UPDATE deliveries SET status = 'Pending', lease_expires_at = NULL, attempt_count = attempt_count - 1, next_attempt_at = @now " +
                "WHERE id = @id AND status = 'Sending' AND attempt_count = @attempt",
                ("@now", now.ToUnixTimeMilliseconds()), ("@id", claim.Id), ("@attempt", claim.AttemptNumber));
        }

        await transaction.CommitAsync();
    }

    /// <summary>When the next delivery falls due after <paramref name="now"/> (or a lease runs out), if any is waiting.</summary>
    private static async Task<DateTimeOffset?> NextDueAsync(SqlStatements statements, long now)
    {
        var next = await statements.Bind(
            """
            SELECT MIN(due) FROM (
                SELECT MIN(next_attempt_at) AS due FROM deliveries WHERE status = 'Pending' AND held = 0 AND next_attempt_at > @now
                UNION ALL
                SELECT MIN(lease_expires_at) FROM deliveries WHERE status = 'Sending' AND lease_expires_at > @now) AS upcoming
            """,
            ("@now", now)).ExecuteScalarAsync();
        return next is long at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null;
    }

    /// <summary>Candidates of one round: the due window, and when that holds only busy listeners' backlog, the others' first.</summary>
    private static async Task<List<(string Id, string ListenerId)>> Due(Claim claim, int limit, string busy, int scan)
    {
        var candidates = await ReadAsync(claim.Statements, DueWindow, claim.Now, limit, busy, scan);
        if (candidates.Count < limit && busy != "[]" &&
            Convert.ToInt32(await claim.Statements.Bind(DueWindowFull, ("@now", claim.Now), ("@scan", scan)).ExecuteScalarAsync()) == scan)
        {
            var seen = candidates.Select(c => c.Id).ToHashSet();
            candidates.AddRange((await ReadAsync(claim.Statements, DueByListener, claim.Now, limit - candidates.Count, busy, scan))
                .Where(c => !seen.Contains(c.Id)));
        }

        return candidates;
    }

    private static Task<List<(string Id, string ListenerId)>> ExpiredLeases(Claim claim, int limit, string busy, int scan) =>
        ReadAsync(claim.Statements, ExpiredLeaseWindow, claim.Now, limit, busy, scan);

    private static async Task<List<(string Id, string ListenerId)>> ReadAsync(
        SqlStatements statements, string sql, long now, int limit, string busy, int scan)
    {
        var rows = new List<(string, string)>(limit);
        await using var reader = await statements.Bind(sql, ("@now", now), ("@limit", limit), ("@busy", busy), ("@scan", scan))
            .ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>One claim in the making: what it took so far and how many each listener holds.</summary>
    private sealed class Claim(SqlStatements statements, Dictionary<string, int> counts, int perListener, int max, long now, long leaseUntil)
    {
        public SqlStatements Statements => statements;

        public long Now => now;

        public List<ClaimedDelivery> Claimed { get; } = [];

        /// <returns>Whether more of these may be due than this claim could take.</returns>
        public async Task<bool> RoundsAsync(Func<Claim, int, string, int, Task<List<(string Id, string ListenerId)>>> candidatesOf)
        {
            for (var round = 0; round < MaxRounds && Claimed.Count < max; round++)
            {
                var limit = max - Claimed.Count;
                var busy = JsonSerializer.Serialize(counts.Where(l => l.Value >= perListener).Select(l => l.Key));
                var candidates = await candidatesOf(this, limit, busy, Math.Min(limit * ScanFactor, MaxScan));
                var chosen = new List<string>(candidates.Count);
                foreach (var (id, listenerId) in candidates)
                {
                    var count = counts.GetValueOrDefault(listenerId);
                    if (count < perListener)
                    {
                        counts[listenerId] = count + 1;
                        chosen.Add(id);
                    }
                }

                await MarkSendingAsync(chosen);

                // Fewer than asked means the end of the queue only when no listener was passed over: otherwise the
                // window may have been all busy listeners' backlog, and the next round looks further. A round
                // with no candidate at all is the end either way (the due round falls back to every listener).
                if (candidates.Count == 0 || (candidates.Count < limit && busy == "[]"))
                {
                    return false;
                }
            }

            return Claimed.Count < max;
        }

        private async Task MarkSendingAsync(List<string> ids)
        {
            if (ids.Count == 0)
            {
                return;
            }

            // The WHERE repeats the claim's conditions, so a row claimed elsewhere meanwhile is not taken twice.
            await using var reader = await statements.Bind(
                """
                UPDATE deliveries SET status = 'Sending', attempt_count = attempt_count + 1, lease_expires_at = @lease, last_attempt_at = @now
                WHERE id IN (SELECT value FROM json_each(@ids)) AND ((status = 'Pending' AND held = 0) OR (status = 'Sending' AND lease_expires_at <= @now))
                RETURNING id, event_id, listener_id, attempt_count, next_trigger, next_triggered_by
                """,
                ("@lease", leaseUntil), ("@now", now), ("@ids", JsonSerializer.Serialize(ids))).ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Claimed.Add(new ClaimedDelivery(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                    Enum.Parse<AttemptTrigger>(reader.GetString(4)), reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
        }
    }
}
