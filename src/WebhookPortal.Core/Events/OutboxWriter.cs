using System.Data.Common;
using System.Text;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Deliveries;

namespace WebhookPortal.Core.Events;

/// <summary>
/// Writes one event and its deliveries on a connection, inside the caller's transaction: the outbox.
/// Plain SQL with prepared statements, because fanning out to a thousand listeners must take
/// milliseconds; every statement is portable to PostgreSQL.
/// </summary>
internal static class OutboxWriter
{
    private const int RowsPerStatement = 100;

    public sealed record Outbox(
        int HookId, string Payload, EventOrigin Origin, string? OriginDetail, string? IdempotencyKey,
        IReadOnlyList<(string ListenerId, bool Held)> Recipients);

    /// <summary>The event already stored under this key within the window, if any; an older one gives its key up.</summary>
    public static async Task<PublishedEvent?> FindRepeatAsync(
        DbConnection connection, DbTransaction transaction, int hookId, string key, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var find = Command(connection, transaction,
            "SELECT id, delivery_count, created_at FROM events WHERE hook_id = $hook AND idempotency_key = $key",
            ("$hook", hookId), ("$key", key));
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var (id, deliveries, createdAt) = (reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2));
        await reader.DisposeAsync();
        if (createdAt >= since.ToUnixTimeMilliseconds())
        {
            return new PublishedEvent(id, deliveries, Repeated: true);
        }

        await using var release = Command(connection, transaction,
            "UPDATE events SET idempotency_key = NULL WHERE id = $id", ("$id", id));
        await release.ExecuteNonQueryAsync(cancellationToken);
        return null;
    }

    public static async Task<PublishedEvent> WriteAsync(
        DbConnection connection, DbTransaction transaction, Outbox outbox, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var eventId = SortableId.New(Event.IdPrefix, now);
        var at = now.ToUnixTimeMilliseconds();
        await using (var insertEvent = Command(connection, transaction,
            """
            INSERT INTO events (id, hook_id, payload, origin, origin_detail, idempotency_key, delivery_count, created_at)
            VALUES ($id, $hook, $payload, $origin, $detail, $key, $count, $at)
            """,
            ("$id", eventId), ("$hook", outbox.HookId), ("$payload", outbox.Payload), ("$origin", outbox.Origin.ToString()),
            ("$detail", outbox.OriginDetail), ("$key", outbox.IdempotencyKey), ("$count", outbox.Recipients.Count), ("$at", at)))
        {
            await insertEvent.ExecuteNonQueryAsync(cancellationToken);
        }

        // Many rows per statement: one parse and one step for a whole fan-out instead of one per listener.
        for (var start = 0; start < outbox.Recipients.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, outbox.Recipients.Count - start);
            var sql = new StringBuilder(
                "INSERT INTO deliveries (id, event_id, listener_id, status, held, attempt_count, next_attempt_at, created_at) VALUES ");
            var parameters = new List<(string, object?)>(count * 3 + 2) { ("$event", eventId), ("$at", at) };
            for (var i = 0; i < count; i++)
            {
                var (listenerId, held) = outbox.Recipients[start + i];
                sql.Append(i == 0 ? "" : ", ").Append($"($d{i}, $event, $l{i}, 'Pending', $h{i}, 0, $at, $at)");
                parameters.Add(($"$d{i}", SortableId.New(Delivery.IdPrefix, now)));
                parameters.Add(($"$l{i}", listenerId));
                parameters.Add(($"$h{i}", held));
            }

            await using var insert = Command(connection, transaction, sql.ToString(), parameters.ToArray());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return new PublishedEvent(eventId, outbox.Recipients.Count, Repeated: false);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
