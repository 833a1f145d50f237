using System.Diagnostics;
using System.Net;
using WebhookPortal.Client;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Client;

/// <summary>
/// The client's retries against the real app, with failures scripted in front of it: what is retried, with which
/// key, how long it waits, and when it gives up.
/// </summary>
public sealed class WebhookPortalClientRetryTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly WebhookPortalClientOptions Quick = new()
    {
        MaxRetries = 3, InitialRetryDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(200),
    };

    [Fact]
    public async Task PublishAsync_RetriesServerErrors_WithTheSameIdempotencyKey()
    {
        var (client, handler) = Create(script => script.Status(HttpStatusCode.ServiceUnavailable).Status(HttpStatusCode.InternalServerError));

        var published = await client.PublishAsync("order.paid", new { id = "ord_retry" });

        Assert.Equal(3, handler.Calls);
        Assert.Single(handler.Keys.Distinct());
        Assert.Equal(published.IdempotencyKey, handler.Keys[0]);
        Assert.StartsWith("evt_", published.EventId);
    }

    [Fact]
    public async Task PublishAsync_StoresTheEventOnce_WhenTheFirstAnswerWasLost()
    {
        var (client, handler) = Create(script => script.LoseAnswer());

        var published = await client.PublishAsync("order.paid", new { id = "ord_lost_answer" });

        Assert.Equal(2, handler.Calls);
        Assert.True(published.Repeated, "the retry should have found the event the first try stored");
        using var admin = app.CreateAdminClient();
        var events = await admin.GetStringAsync($"/api/events?hook=order.paid&pageSize=500");
        Assert.Equal(1, CountOccurrences(events, published.EventId));
    }

    [Fact]
    public async Task PublishAsync_RetriesATimeoutAndABrokenConnection()
    {
        var options = new WebhookPortalClientOptions
        {
            InitialRetryDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(50), AttemptTimeout = TimeSpan.FromMilliseconds(300),
        };
        var (client, handler) = Create(script => script.Hang().BreakConnection(), options);

        var published = await client.PublishAsync("order.paid", new { id = "ord_timeout" });

        Assert.Equal(3, handler.Calls);
        Assert.StartsWith("evt_", published.EventId);
    }

    [Fact]
    public async Task PublishAsync_GivesUpAfterMaxRetries_WithTheLastProblem()
    {
        var (client, handler) = Create(script =>
        {
            for (var i = 0; i < 10; i++)
            {
                script.Status(HttpStatusCode.ServiceUnavailable);
            }
        });

        var error = await Assert.ThrowsAsync<WebhookPortalApiException>(() => client.PublishAsync("order.paid", new { id = "ord_give_up" }));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("Scripted failure", error.Title);
        Assert.Equal(1 + Quick.MaxRetries, handler.Calls);
    }

    [Fact]
    public async Task PublishAsync_ThrowsTimeoutException_WhenEveryTryTimesOut()
    {
        var options = new WebhookPortalClientOptions { MaxRetries = 1, InitialRetryDelay = TimeSpan.Zero, AttemptTimeout = TimeSpan.FromMilliseconds(200) };
        var (client, handler) = Create(script => script.Hang().Hang(), options);

        await Assert.ThrowsAsync<TimeoutException>(() => client.PublishAsync("order.paid", new { id = "ord_slow" }));
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task Calls_DoNotRetry_ARefusalThatWillNotChange()
    {
        var (client, handler) = Create(_ => { });

        await Assert.ThrowsAsync<WebhookPortalApiException>(() => client.PublishAsync("no.such.hook", new { id = 1 }));

        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task CreateListenerAsync_IsSentOnce_EvenAfterAServerError()
    {
        var (client, handler) = Create(script => script.Status(HttpStatusCode.ServiceUnavailable));

        var error = await Assert.ThrowsAsync<WebhookPortalApiException>(() =>
            client.CreateListenerAsync(new ListenerRequest("order.paid", "https://erp.example.com/once")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Retries_WaitAsLongAsRetryAfterSays_WithinTheBound()
    {
        var options = new WebhookPortalClientOptions
        {
            MaxRetries = 2, InitialRetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromSeconds(1),
        };
        var (client, handler) = Create(script => script.Status(HttpStatusCode.TooManyRequests, retryAfter: "1")
            .Status(HttpStatusCode.ServiceUnavailable, retryAfter: "3600"), options);
        var clock = Stopwatch.StartNew();

        await client.ListListenersAsync();

        // Retry-After: 1 waits a second; Retry-After: 3600 is held to MaxRetryDelay (1 s), not an hour.
        Assert.Equal(3, handler.Calls);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"the retries waited only {clock.Elapsed}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the retries waited {clock.Elapsed}");
    }

    [Fact]
    public async Task Calls_StopAtOnce_WhenCancelled()
    {
        var (client, handler) = Create(script => script.Status(HttpStatusCode.ServiceUnavailable, retryAfter: "30"),
            new WebhookPortalClientOptions { MaxRetryDelay = TimeSpan.FromSeconds(30) });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListListenersAsync(cancellationToken: cancel.Token));

        Assert.Equal(1, handler.Calls);
    }

    private (WebhookPortalClient Client, ScriptedHandler Handler) Create(Action<ScriptedHandler> script, WebhookPortalClientOptions? options = null)
    {
        var handler = new ScriptedHandler(app.Server.CreateHandler());
        script(handler);
        var http = new HttpClient(handler) { BaseAddress = app.Server.BaseAddress };
        return (new WebhookPortalClient(http, PortalAppFactory.AdminKey, options ?? Quick), handler);
    }

    private static int CountOccurrences(string text, string value) =>
        (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
