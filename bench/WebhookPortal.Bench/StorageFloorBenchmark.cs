using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Hooks;
using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Bench;

/// <summary>
/// What the database alone costs per delivery, at the least: the statements a delivery's life needs —
/// stored with its event, claimed, its attempt recorded, its outcome set — on the portal's own schema,
/// one thread, prepared statements, in the batches the engine commits under load, and no HTTP at all.
/// It bounds what the whole engine can reach on this machine: the engine adds the request, the response,
/// and the work of keeping many requests in flight.
/// </summary>
internal sealed class StorageFloorBenchmark : IBenchmark
{
    private const int Listeners = 4;
    private const int EventsPerBatch = 8;
    private const int DeliveriesPerClaim = 32;
    private const int Batches = 3_000;
    private const int WarmUpBatches = 300;

    public string Name => "storage";

    public string Description => "the database's least cost per delivery (store, claim, record, outcome), without HTTP";

    public void Run(TextWriter output)
    {
        // The dispatcher stays off: this measures the statements alone.
        using var database = new BenchDatabase(("Delivery:Enabled", "false"));
        var listenerIds = SeedListeners(database);
        using var connection = database.Open();
        Execute(connection, "PRAGMA synchronous = NORMAL");
        var hookId = Convert.ToInt32(Scalar(connection, "SELECT hook_id FROM listeners LIMIT 1"));
        var payload = JsonSerializer.Serialize(new { id = "ord_1", note = new string('x', 1_000 - 40) });
        var requestHeaders = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["User-Agent"] = "WebhookPortal/1.0", ["webhook-id"] = "dlv_0000000000000000000000", ["webhook-timestamp"] = "1790000000",
            ["webhook-signature"] = "v1," + new string('a', 44), ["Content-Type"] = "application/json; charset=utf-8", ["Content-Length"] = "984",
        });
        var responseHeaders = JsonSerializer.Serialize(new Dictionary<string, string> { ["Date"] = "Sat, 21 Nov 2026 12:00:00 GMT", ["Server"] = "Kestrel" });

        var phases = new Phases();
        var life = new DeliveryLife(connection, hookId, listenerIds, payload, requestHeaders, responseHeaders);
        for (var batch = 0; batch < WarmUpBatches; batch++)
        {
            life.RunBatch(new Phases());
        }

        for (var batch = 0; batch < Batches; batch++)
        {
            life.RunBatch(phases);
        }

        var deliveries = Batches * EventsPerBatch * Listeners;
        output.WriteLine($"storage: {deliveries:N0} deliveries ({EventsPerBatch} events × {Listeners} listeners per commit of the outbox, " +
                         $"claims of {DeliveriesPerClaim}), CPU per delivery of this thread:");
        foreach (var (name, nanoseconds) in phases.Totals)
        {
            output.WriteLine($"  {name,-36} {nanoseconds / 1000.0 / deliveries,6:0.0} µs");
        }

        output.WriteLine($"  {"all of it",-36} {phases.Totals.Sum(p => p.Value) / 1000.0 / deliveries,6:0.0} µs");
    }

    private static string[] SeedListeners(BenchDatabase database)
    {
        database.Get<HookService>().CreateAsync(Actor.System,
            new HookDefinition { Name = "bench.floor", Description = "Benchmark events", ProvidedFields = ["id", "note"] }, default).GetAwaiter().GetResult();
        var listeners = database.Get<ListenerService>();
        return Enumerable.Range(0, Listeners).Select(i => listeners.CreateAsync(Actor.System,
                new ListenerInput("bench.floor", $"http://127.0.0.1:9/{i}", null, true, [], []), default).GetAwaiter().GetResult().Value!.Listener.Id)
            .ToArray();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Thread CPU time per phase (so other processes on the machine do not count).</summary>
    private sealed class Phases
    {
        public Dictionary<string, long> Totals { get; } = [];

        public void Time(string name, Action action)
        {
            var start = ThreadCpu.Nanoseconds();
            action();
            Totals[name] = Totals.GetValueOrDefault(name) + ThreadCpu.Nanoseconds() - start;
        }
    }

    /// <summary>The statements of a delivery's life, prepared once, as the engine runs them.</summary>
    private sealed class DeliveryLife(SqliteConnection connection, int hookId, string[] listenerIds, string payload, string requestHeaders, string responseHeaders)
    {
        private readonly Dictionary<string, SqliteCommand> prepared = [];
        private SqliteTransaction? transaction;
        private long sequence;

        public void RunBatch(Phases phases)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var stored = new List<string>(EventsPerBatch * Listeners);
            phases.Time("store event and deliveries", () => InTransaction(() =>
            {
                for (var e = 0; e < EventsPerBatch; e++)
                {
                    var eventId = $"evt_{Interlocked.Increment(ref sequence):D20}";
                    Run("INSERT INTO events (id, hook_id, payload, origin, delivery_count, created_at) VALUES (@id, @hook, @payload, 'Api', @count, @at)",
                        ("@id", eventId), ("@hook", hookId), ("@payload", payload), ("@count", Listeners), ("@at", now));
                    foreach (var listenerId in listenerIds)
                    {
                        var id = $"dlv_{Interlocked.Increment(ref sequence):D20}";
                        stored.Add(id);
                        Run("INSERT INTO deliveries (id, event_id, listener_id, status, held, attempt_count, next_attempt_at, created_at) " +
                            "VALUES (@id, @event, @listener, 'Pending', 0, 0, @at, @at)",
                            ("@id", id), ("@event", eventId), ("@listener", listenerId), ("@at", now));
                    }
                }
            }));

            foreach (var claim in stored.Chunk(DeliveriesPerClaim))
            {
                phases.Time("claim (select due, mark sending)", () => InTransaction(() =>
                {
                    Read("SELECT id, listener_id FROM deliveries WHERE status = 'Pending' AND held = 0 AND next_attempt_at <= @now ORDER BY next_attempt_at LIMIT @limit",
                        ("@now", now), ("@limit", DeliveriesPerClaim));
                    Read("UPDATE deliveries SET status = 'Sending', attempt_count = attempt_count + 1, lease_expires_at = @lease, last_attempt_at = @now " +
                         "WHERE id IN (SELECT value FROM json_each(@ids)) AND status = 'Pending' RETURNING id, event_id, listener_id, attempt_count",
                        ("@lease", now + 60_000), ("@now", now), ("@ids", JsonSerializer.Serialize(claim)));
                }));
            }

            foreach (var recorded in stored.Chunk(DeliveriesPerClaim))
            {
                phases.Time("record attempt and outcome", () => InTransaction(() =>
                {
                    foreach (var id in recorded)
                    {
                        Run("INSERT INTO delivery_attempts (delivery_id, number, \"trigger\", started_at, duration_milliseconds, request_url, request_headers, " +
                            "response_status, response_headers, response_body, response_body_truncated, error_kind) " +
                            "VALUES (@delivery, 1, 'Scheduled', @at, 1, 'http://127.0.0.1/0', @request, 204, @response, '', 0, 'None')",
                            ("@delivery", id), ("@at", now), ("@request", requestHeaders), ("@response", responseHeaders));
                        Run("UPDATE deliveries SET status = 'Succeeded', completed_at = @at, lease_expires_at = NULL, last_response_status = 204 " +
                            "WHERE id = @id AND status = 'Sending' AND attempt_count = 1",
                            ("@id", id), ("@at", now));
                    }
                }));
            }
        }

        private void InTransaction(Action work)
        {
            using (transaction = connection.BeginTransaction())
            {
                work();
                transaction.Commit();
            }
        }

        private SqliteCommand Bind(string sql, (string Name, object Value)[] parameters)
        {
            if (!prepared.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                foreach (var (name, _) in parameters)
                {
                    command.Parameters.Add(new SqliteParameter { ParameterName = name });
                }

                prepared[sql] = command;
            }

            foreach (var (name, value) in parameters)
            {
                command.Parameters[name].Value = value;
            }

            command.Transaction = transaction;
            return command;
        }

        private void Run(string sql, params (string Name, object Value)[] parameters) => Bind(sql, parameters).ExecuteNonQuery();

        private void Read(string sql, params (string Name, object Value)[] parameters)
        {
            using var reader = Bind(sql, parameters).ExecuteReader();
            while (reader.Read())
            {
            }
        }
    }
}
