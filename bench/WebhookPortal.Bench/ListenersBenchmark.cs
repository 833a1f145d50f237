using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Bench;

/// <summary>
/// The listener grid's queries on a SQLite file holding 100,000 listeners: the first page, filters by
/// hook and state, a URL search, other orders and a deep page. Each must answer fast enough for a person.
/// </summary>
internal sealed class ListenersBenchmark : IBenchmark
{
    private const int ListenerCount = 100_000;
    private const int Repetitions = 30;
    private const double TargetMilliseconds = 100;

    public string Name => "listeners";

    public string Description => $"the listener grid's queries with {ListenerCount:N0} listeners in the SQLite file";

    public void Run(TextWriter output)
    {
        using var database = new BenchDatabase();
        var seeding = System.Diagnostics.Stopwatch.StartNew();
        Seed(database);
        output.WriteLine($"listeners: {ListenerCount:N0} listeners on 3 hooks, a fifth of them disabled (seeded in {seeding.Elapsed.TotalSeconds:0.0} s)");
        output.WriteLine($"  {"query",-44} {"rows",8} {"median",10} {"p95",10}");

        var service = database.Get<ListenerService>();
        var worst = 0.0;
        foreach (var (name, query) in Queries())
        {
            var result = service.ListAsync(Actor.System, query, default).GetAwaiter().GetResult(); // warm-up
            var timings = Timings.Measure(Repetitions, () => service.ListAsync(Actor.System, query, default).GetAwaiter().GetResult());
            worst = Math.Max(worst, timings.Percentile(95));
            output.WriteLine($"  {name,-44} {result.TotalCount,8:N0} {Timings.Format(timings.MedianMilliseconds),7} ms {Timings.Format(timings.Percentile(95)),7} ms");
        }

        output.WriteLine($"  slowest p95 {Timings.Format(worst)} ms; target: every query under {TargetMilliseconds} ms " +
                         (worst < TargetMilliseconds ? "(met)" : "(NOT met)"));

        // Saving one listener also updates the URL index; this is what an admin waits for.
        var input = new ListenerInput("order.paid", "https://bench.example.com/new", null, true, [], []);
        var creating = Timings.Measure(Repetitions, () => service.CreateAsync(Actor.System, input, default).GetAwaiter().GetResult());
        output.WriteLine($"  create one listener: median {Timings.Format(creating.MedianMilliseconds)} ms, p95 {Timings.Format(creating.Percentile(95))} ms");
    }

    private static IEnumerable<(string Name, ListenerQuery Query)> Queries() =>
    [
        ("first page, newest first", new ListenerQuery { Take = 25 }),
        ("one hook, enabled only", new ListenerQuery { Hook = "order.paid", Enabled = true, Take = 25 }),
        ("URL contains 'tenant-4242'", new ListenerQuery { UrlContains = "tenant-4242", Take = 25 }),
        ("URL contains 'example' (every row)", new ListenerQuery { UrlContains = "example", Take = 25 }),
        ("URL contains 'nt-4' (a few thousand)", new ListenerQuery { UrlContains = "nt-4", Take = 25 }),
        ("URL contains 't-' (short: LIKE)", new ListenerQuery { UrlContains = "t-", Take = 25 }),
        ("sorted by URL", new ListenerQuery { SortBy = ListenerSortField.Url, Direction = SortDirection.Ascending, Take = 25 }),
        ("sorted by hook", new ListenerQuery { SortBy = ListenerSortField.Hook, Take = 25 }),
        ("page 2,001 (skip 50,000)", new ListenerQuery { Skip = 50_000, Take = 25 }),
    ];

    private static void Seed(BenchDatabase database)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using (var hooks = connection.CreateCommand())
        {
            hooks.CommandText = """
                INSERT INTO hooks (name, description, source, provided_fields, sample_payload, created_at, updated_at)
                VALUES ('order.paid', '', 'Api', '["id","amount"]', '{}', 0, 0),
                       ('person.saved', '', 'Api', '["id","name"]', '{}', 0, 0),
                       ('invoice.sent', '', 'Api', '["id"]', '{}', 0, 0);
                """;
            hooks.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO listeners (id, hook_id, url, description, enabled, consecutive_failures, secret, headers, filters, created_at, updated_at, version)
            VALUES ($id, $hook, $url, '', $enabled, 0, 'whsec_bench', '[]', $filters, $created, $created, 1);
            """;
        var id = insert.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Text);
        var hook = insert.Parameters.Add("$hook", Microsoft.Data.Sqlite.SqliteType.Integer);
        var url = insert.Parameters.Add("$url", Microsoft.Data.Sqlite.SqliteType.Text);
        var enabled = insert.Parameters.Add("$enabled", Microsoft.Data.Sqlite.SqliteType.Integer);
        var filters = insert.Parameters.Add("$filters", Microsoft.Data.Sqlite.SqliteType.Text);
        var created = insert.Parameters.Add("$created", Microsoft.Data.Sqlite.SqliteType.Integer);
        var start = DateTimeOffset.UtcNow.AddDays(-200);
        for (var i = 0; i < ListenerCount; i++)
        {
            var at = start.AddMinutes(i);
            id.Value = SortableId.New(Listener.IdPrefix, at);
            hook.Value = i % 3 + 1;
            url.Value = $"https://tenant-{i}.example.com/webhooks/{i % 7}";
            enabled.Value = i % 5 == 0 ? 0 : 1;
            filters.Value = """[{"field":"amount","operator":"GreaterThan","value":"10","not":false,"caseSensitive":true}]""";
            created.Value = at.ToUnixTimeMilliseconds();
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        using var analyze = connection.CreateCommand();
        analyze.CommandText = "PRAGMA analysis_limit = 1000; ANALYZE;"; // as the portal does at every start
        analyze.ExecuteNonQuery();
    }
}
