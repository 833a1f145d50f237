using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Core.Persistence;
using WebhookPortal.Core.Retention;

namespace WebhookPortal.TestSupport;

/// <summary>
/// Steady publishing with housekeeping underneath: the real portal on Kestrel at 127.0.0.1, its database filled
/// first with old history (events, deliveries and attempts past <c>Retention:Days</c>, written by SQL in one
/// transaction), then, at the same time, publishing at a fixed rate through the REST API to one listener, the
/// retention purge deleting the old history, and a user paging through the delivery log (<c>GET /api/deliveries</c>).
/// The reliability tests run it short and check that nothing is lost; the bench runs it in full against the targets.
/// </summary>
public static class LoadScenario
{
    private const string Hook = "load.test";
    private const int AttemptsPerOldDelivery = 10;
    private const int LogPages = 20;

    /// <param name="purge">False for a control run: the same database and load, without the purge.</param>
    public static async Task<LoadReport> RunAsync(
        TimeSpan duration, int eventsPerSecond, int oldAttempts, TimeSpan drainTimeout, Action<string> progress, bool purge = true)
    {
        await using var receiver = await LocalReceiver.StartAsync();
        await using var portal = await PortalServer.StartAsync("--environment=Production", "--Portal:SeedDemoData=false", "--Delivery:Enabled=true",
            "--Delivery:AllowPrivateNetworks=true", "--Logging:LogLevel:Microsoft.AspNetCore.StaticFiles=Error");
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = portal.Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PortalAppFactory.AdminKey);
        (await client.PostAsJsonAsync("/api/hooks", new { name = Hook, description = "load", providedFields = new[] { "seq" } })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/listeners", new { hook = Hook, url = receiver.Url("/load") })).EnsureSuccessStatusCode();

        var database = portal.Services.GetRequiredService<PortalDatabaseLocation>().FilePath;
        var cutoff = DateTimeOffset.UtcNow.AddDays(-portal.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RetentionOptions>>().Value.Days);
        var fill = Stopwatch.StartNew();
        FillOldHistory(database, oldAttempts, cutoff.AddDays(-30));
        fill.Stop();
        progress($"filled {oldAttempts:N0} old attempts in {fill.Elapsed.TotalSeconds:0.0} s");

        using var stop = new CancellationTokenSource();
        var purging = purge ? PurgeAsync(portal.Services.GetRequiredService<RetentionJob>(), stop.Token) : Task.CompletedTask;
        var pageLatencies = new ConcurrentBag<double>();
        var pagesFailed = 0;
        var pager = Task.Run(async () =>
        {
            for (var page = 1; !stop.IsCancellationRequested; page = page % LogPages + 1)
            {
                var at = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync($"/api/deliveries?page={page}&pageSize=50", stop.Token);
                    await response.Content.ReadAsByteArrayAsync(stop.Token);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref pagesFailed);
                    }

                    pageLatencies.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref pagesFailed);
                }

                await Task.Delay(100, CancellationToken.None);
            }
        });

        var (latencies, refused, publishing) = await PublishSteadilyAsync(client, duration, eventsPerSecond);
        progress($"published {latencies.Length:N0} events in {publishing.TotalSeconds:0.0} s");
        var drain = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow + drainTimeout;
        while (Delivered(receiver) < latencies.Length && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        drain.Stop();
        await stop.CancelAsync();
        await Task.WhenAll(pager, purging);
        var left = OldAttemptsLeft(database, cutoff);
        return new LoadReport(latencies.Length, refused, Delivered(receiver), publishing, drain.Elapsed, latencies,
            pageLatencies.Order().ToArray(), pagesFailed, oldAttempts, left, fill.Elapsed);
    }

    private static int Delivered(LocalReceiver receiver) => receiver.Requests.Select(r => r.Header("webhook-id")).Distinct().Count();

    /// <summary>Publishes on a fixed timetable (open loop: a slow answer does not delay the next publish); latencies of the 202s, sorted.</summary>
    private static async Task<(double[] Latencies, int Refused, TimeSpan Elapsed)> PublishSteadilyAsync(HttpClient client, TimeSpan duration, int rate)
    {
        var total = (int)(duration.TotalSeconds * rate);
        var latencies = new ConcurrentBag<double>();
        var refused = 0;
        var inFlight = new List<Task>(total);
        var started = Stopwatch.GetTimestamp();
        for (var seq = 0; seq < total; seq++)
        {
            var due = TimeSpan.FromSeconds((double)seq / rate);
            var wait = due - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var payload = $$"""{"seq":{{seq}}}""";
            inFlight.Add(Task.Run(async () =>
            {
                var at = Stopwatch.GetTimestamp();
                try
                {
                    using var content = new StringContent(payload, Encoding.UTF8, "application/json");
                    using var response = await client.PostAsync($"/api/hooks/{Hook}/events", content);
                    if ((int)response.StatusCode == 202)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
                        return;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // counted below
                }

                Interlocked.Increment(ref refused);
            }));
        }

        await Task.WhenAll(inFlight);
        return (latencies.Order().ToArray(), refused, Stopwatch.GetElapsedTime(started));
    }

    private static async Task PurgeAsync(RetentionJob job, CancellationToken cancellationToken)
    {
        try
        {
            await job.RunOnceAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the run is over; what was purged so far stays purged
        }
    }

    /// <summary>
    /// Old history straight into the file, in one transaction: events and their delivered deliveries, each with
    /// <see cref="AttemptsPerOldDelivery"/> attempts. Ids sort before any id made today, as their age says.
    /// </summary>
    private static void FillOldHistory(string database, int attempts, DateTimeOffset at)
    {
        var deliveries = attempts / AttemptsPerOldDelivery;
        var time = at.ToUnixTimeMilliseconds();
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 600;
        command.CommandText = $$"""
            INSERT INTO events (id, hook_id, payload, origin, delivery_count, created_at)
            WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < {{deliveries}})
            SELECT 'evt_0' || printf('%025d', x), (SELECT id FROM hooks WHERE name = '{{Hook}}'), '{"seq":-1}', 'Api', 1, {{time}} + x FROM n;
            INSERT INTO deliveries (id, event_id, listener_id, status, held, attempt_count, next_attempt_at, last_attempt_at,
                                    last_response_status, created_at, completed_at, next_trigger)
            SELECT 'dlv_0' || substr(id, 6), id, (SELECT id FROM listeners LIMIT 1), 'Succeeded', 0, {{AttemptsPerOldDelivery}},
                   created_at, created_at, 200, created_at, created_at, 'Scheduled'
            FROM events WHERE id < 'evt_01';
            INSERT INTO delivery_attempts (delivery_id, number, trigger, started_at, duration_milliseconds, request_url, request_headers,
                                           response_status, response_body, response_body_truncated, error_kind)
            WITH RECURSIVE k(number) AS (SELECT 1 UNION ALL SELECT number + 1 FROM k WHERE number < {{AttemptsPerOldDelivery}})
            SELECT d.id, k.number, 'Scheduled', d.created_at, 12, 'http://127.0.0.1/old', '{}', 200, '{"ok":true}', 0, 'None'
            FROM deliveries d, k WHERE d.id < 'dlv_01';
            """;
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    private static long OldAttemptsLeft(string database, DateTimeOffset cutoff)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM delivery_attempts WHERE started_at < {cutoff.ToUnixTimeMilliseconds()}";
        return (long)command.ExecuteScalar()!;
    }
}
