using WebhookPortal.Core.Common;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Events;

/// <summary>
/// Writes one event and its deliveries on a connection, inside the caller's transaction: the outbox.
/// Plain SQL with prepared statements, because fanning out to a thousand listeners must take
/// milliseconds; every statement is portable to PostgreSQL.
/// </summary>
internal static class OutboxWriter
{
    public sealed record Outbox(
        int HookId, string Payload, EventOrigin Origin, string? OriginDetail, string? IdempotencyKey,
        IReadOnlyList<(string ListenerId, bool Held)> Recipients);

    /// <summary>The event already stored under this key within the window, if any; an older one gives its key up.</summary>
    public static async Task<PublishedEvent?> FindRepeatAsync(SqlStatements statements, int hookId, string key, DateTimeOffset since)
    {
        string id;
        int deliveries;
        long createdAt;
        await using (var reader = await statements.Bind(
            "SELECT id, delivery_count, created_at FROM events WHERE hook_id = @hook AND idempotency_key = @key",
            ("@hook", hookId), ("@key", key)).ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync())
            {
                return null;
            }

            (id, deliveries, createdAt) = (reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2));
        }

        if (createdAt >= since.ToUnixTimeMilliseconds())
        {
            return new PublishedEvent(id, deliveries, Repeated: true);
        }

        await statements.ExecuteAsync("UPDATE events SET idempotency_key = NULL WHERE id = @id", ("@id", id));
        return null;
    }

    /// <param name="statements">The connection and transaction to write in.</param>
    /// <param name="firstAttemptDelay">The retry schedule's first delay: when the deliveries' first attempts are due.</param>
    public static async Task<PublishedEvent> WriteAsync(SqlStatements statements, Outbox outbox, DateTimeOffset now, TimeSpan firstAttemptDelay)
    {
        var eventId = SortableId.New(Event.IdPrefix, now);
        var at = now.ToUnixTimeMilliseconds();
        await statements.ExecuteAsync(
            """
            INSERT INTO events (id, hook_id, payload, origin, origin_detail, idempotency_key, delivery_count, created_at)
            VALUES (@id, @hook, @payload, @origin, @detail, @key, @count, @at)
            """,
            ("@id", eventId), ("@hook", outbox.HookId), ("@payload", outbox.Payload), ("@origin", outbox.Origin.ToString()),
            ("@detail", outbox.OriginDetail), ("@key", outbox.IdempotencyKey), ("@count", outbox.Recipients.Count), ("@at", at));

        // One prepared statement, bound and stepped once per listener: a thousand-listener fan-out takes milliseconds.
        var due = (now + firstAttemptDelay).ToUnixTimeMilliseconds();
        foreach (var (listenerId, held) in outbox.Recipients)
        {
            await statements.ExecuteAsync(
                """
                INSERT INTO deliveries (id, event_id, listener_id, status, held, attempt_count, next_attempt_at, created_at)
                VALUES (@id, @event, @listener, 'Pending', @held, 0, @due, @at)
                """,
                ("@id", SortableId.New(Delivery.IdPrefix, now)), ("@event", eventId), ("@listener", listenerId), ("@held", held),
                ("@due", due), ("@at", at));
        }

        return new PublishedEvent(eventId, outbox.Recipients.Count, Repeated: false);
    }
}
