using System.Diagnostics;
using Microsoft.Data.Sqlite;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Hooks;
using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Bench;

/// <summary>
/// The delivery log's queries on a SQLite file holding a million attempts (500,000 deliveries of 250,000 events
/// to 20 listeners over 30 days): each filter of the log page, a customer's own history, a deep page and one
/// delivery's page with its attempts. Each must answer fast enough for a person paging through it.
/// </summary>
internal sealed class LogBenchmark : IBenchmark
{
    private const int EventCount = 250_000;
    private const int ListenerCount = 20;
    private const int AttemptsPerDelivery = 2;
    private const int Repetitions = 20;
    private const double TargetMilliseconds = 300;

    public string Name => "log";

    public string Description => $"the delivery log's queries with {EventCount * 2 * AttemptsPerDelivery:N0} attempts in the SQLite file";

    public void Run(TextWriter output) => RunAsync(output).GetAwaiter().GetResult();

    private static async Task RunAsync(TextWriter output)
    {
        using var database = new BenchDatabase();
        var seeding = Stopwatch.StartNew();
        var seeded = await SeedAsync(database);
        output.WriteLine($"log: {seeded.Attempts:N0} attempts of {seeded.Deliveries:N0} deliveries, {EventCount:N0} events, " +
                         $"{ListenerCount} listeners over 30 days; file {new FileInfo(database.FilePath).Length / 1024 / 1024:N0} MB " +
                         $"(seeded in {seeding.Elapsed.TotalSeconds:0.0} s)");
        output.WriteLine($"  {"query",-48} {"rows",9} {"median",10} {"p95",10}");

        var log = database.Get<DeliveryLog>();
        var worst = 0.0;
        foreach (var (name, actor, filter, skip) in Queries(seeded))
        {
            var result = await log.ListAsync(actor, filter, skip, 25, default); // warm-up
            var timings = Timings.Measure(Repetitions, () => log.ListAsync(actor, filter, skip, 25, default).GetAwaiter().GetResult());
            worst = Math.Max(worst, timings.Percentile(95));
            output.WriteLine($"  {name,-48} {result.TotalCount,9:N0} {Timings.Format(timings.MedianMilliseconds),7} ms {Timings.Format(timings.Percentile(95)),7} ms");
        }

        var details = Timings.Measure(Repetitions, () => log.FindAsync(Actor.System, seeded.SomeDelivery, default).GetAwaiter().GetResult());
        worst = Math.Max(worst, details.Percentile(95));
        output.WriteLine($"  {"one delivery's page with its attempts",-48} {"",9} {Timings.Format(details.MedianMilliseconds),7} ms {Timings.Format(details.Percentile(95)),7} ms");
        output.WriteLine($"  slowest p95 {Timings.Format(worst)} ms; target: every query under {TargetMilliseconds} ms " +
                         (worst < TargetMilliseconds ? "(met)" : "(NOT met)"));
    }

    private static IEnumerable<(string Name, Actor Actor, DeliveryFilter Filter, int Skip)> Queries(Seeded seeded)
    {
        var admin = Actor.System;
        var lastHour = seeded.Newest.AddHours(-1);
        var lastWeek = seeded.Newest.AddDays(-7);
        return
        [
            ("first page, newest first", admin, new DeliveryFilter(), 0),
            ("status Failed", admin, new DeliveryFilter { Status = DeliveryStatus.Failed }, 0),
            ("status Pending (rare)", admin, new DeliveryFilter { Status = DeliveryStatus.Pending }, 0),
            ("HTTP status 503", admin, new DeliveryFilter { HttpStatus = 503 }, 0),
            ("one hook", admin, new DeliveryFilter { Hook = "invoice.sent" }, 0),
            ("one listener, Failed, the last 7 days", admin, new DeliveryFilter { ListenerId = seeded.Listener, Status = DeliveryStatus.Failed, Since = lastWeek }, 0),
            ("the last hour", admin, new DeliveryFilter { Since = lastHour }, 0),
            ("one event id", admin, new DeliveryFilter { EventId = seeded.SomeEvent }, 0),
            ("URL contains 'tenant-7.'", admin, new DeliveryFilter { UrlContains = "tenant-7." }, 0),
            ("owner filter (staff)", admin, new DeliveryFilter { OwnerAccountId = seeded.Customer.AccountId }, 0),
            ("a customer's own history", seeded.Customer, new DeliveryFilter(), 0),
            ("a customer's own Failed", seeded.Customer, new DeliveryFilter { Status = DeliveryStatus.Failed }, 0),
            ("page 401 (skip 10,000)", admin, new DeliveryFilter(), 10_000),
        ];
    }

    private sealed record Seeded(int Deliveries, int Attempts, Actor Customer, string Listener, string SomeEvent, string SomeDelivery, DateTimeOffset Newest);

    private static async Task<Seeded> SeedAsync(BenchDatabase database)
    {
        var hooks = database.Get<HookService>();
        foreach (var name in new[] { "order.paid", "invoice.sent" })
        {
            await hooks.CreateAsync(Actor.System, new HookDefinition { Name = name, Description = "Benchmark events", ProvidedFields = ["id", "amount"] }, default);
        }

        var account = (await database.Get<AccountService>().CreateAsync(Actor.System,
            new AccountInput("customer@bench.example.com", "Customer", AccountRole.Customer, "a long enough password"), default)).Value!;
        var listeners = new List<(string Id, string Hook)>();
        for (var i = 0; i < ListenerCount; i++)
        {
            var hook = i % 2 == 0 ? "order.paid" : "invoice.sent";
            var input = new ListenerInput(hook, $"https://tenant-{i}.example.com/webhooks", null, true, [], [],
                OwnerAccountId: i < 2 ? account.Id : null);
            listeners.Add(((await database.Get<ListenerService>().CreateAsync(Actor.System, input, default)).Value!.Listener.Id, hook));
        }

        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var insertEvent = Command(connection, """
            INSERT INTO events (id, hook_id, payload, origin, delivery_count, created_at)
            VALUES ($id, (SELECT id FROM hooks WHERE name = $hook), '{"id":1,"amount":120}', 'Api', 2, $at)
            """, "$id", "$hook", "$at");
        using var insertDelivery = Command(connection, """
            INSERT INTO deliveries (id, event_id, listener_id, status, held, attempt_count, next_attempt_at, last_attempt_at, last_response_status, created_at, completed_at)
            VALUES ($id, $event, $listener, $status, 0, $attempts, $at, $at, $http, $at, $completed)
            """, "$id", "$event", "$listener", "$status", "$attempts", "$at", "$http", "$completed");
        using var insertAttempt = Command(connection, """
            INSERT INTO delivery_attempts (delivery_id, number, trigger, started_at, duration_milliseconds, request_url, request_headers,
                                           response_status, response_headers, response_body, response_body_truncated, error_kind)
            VALUES ($delivery, $number, 'Scheduled', $at, 120, 'https://tenant.example.com/webhooks',
                    '{"content-type":"application/json","webhook-id":"msg","webhook-signature":"[redacted]"}',
                    $http, '{"content-type":"application/json"}', '{"ok":false,"error":"try again later"}', 0, 'None')
            """, "$delivery", "$number", "$at", "$http");

        // Ids never go back within a process, and the listeners' were just made: the 30 days start now.
        var start = DateTimeOffset.UtcNow;
        var newest = start.AddDays(30);
        var step = (newest - start) / EventCount;
        var (deliveries, attempts) = (0, 0);
        var random = new Random(42);
        string someEvent = "", someDelivery = "";
        for (var e = 0; e < EventCount; e++)
        {
            var at = start + step * e;
            var eventId = SortableId.New(Event.IdPrefix, at);
            var hook = e % 2 == 0 ? "order.paid" : "invoice.sent";
            Run(insertEvent, eventId, hook, at.ToUnixTimeMilliseconds());
            // Each event goes to two listeners of its hook.
            foreach (var listener in listeners.Where(l => l.Hook == hook).Skip(e % 5 * 2).Take(2))
            {
                var deliveryId = SortableId.New(Delivery.IdPrefix, at);
                // 90 % succeed on the second try, 7 % fail for good (three sevenths with 503), 3 % still wait.
                var (status, http) = random.Next(100) switch
                {
                    < 90 => ("Succeeded", 200),
                    < 94 => ("Failed", 500),
                    < 97 => ("Failed", 503),
                    _ => ("Pending", 500),
                };
                var ms = at.ToUnixTimeMilliseconds();
                Run(insertDelivery, deliveryId, eventId, listener.Id, status, AttemptsPerDelivery, ms, http, status == "Pending" ? null : ms);
                for (var number = 1; number <= AttemptsPerDelivery; number++)
                {
                    Run(insertAttempt, deliveryId, number, ms, number == AttemptsPerDelivery ? http : 500);
                    attempts++;
                }

                deliveries++;
                (someEvent, someDelivery) = e == EventCount / 2 ? (eventId, deliveryId) : (someEvent, someDelivery);
            }
        }

        transaction.Commit();
        using var analyze = connection.CreateCommand();
        analyze.CommandText = "PRAGMA analysis_limit = 1000; ANALYZE;"; // as the portal does at every start
        analyze.ExecuteNonQuery();
        return new Seeded(deliveries, attempts, AccountService.ActorOf(account), listeners[0].Id, someEvent, someDelivery, newest);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }
}
