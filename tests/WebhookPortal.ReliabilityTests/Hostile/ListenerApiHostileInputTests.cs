using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Core.Persistence;
using WebhookPortal.ReliabilityTests.Boundary;
using WebhookPortal.TestSupport;

namespace WebhookPortal.ReliabilityTests.Hostile;

/// <summary>
/// Hostile listener definitions through <c>POST /api/listeners</c> (the listener form calls the same
/// <c>ListenerService.CreateAsync</c>): each refused with the field named and what to fix, nothing stored; a
/// catastrophic pattern is contained by the match timeout; look-alike host names are stored in a form the admin sees.
/// </summary>
public sealed class ListenerApiHostileInputTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly string LongUrl = "https://example.com/" + new string('a', 10_000);

    public static TheoryData<string, string> Urls => new()
    {
        // URL, what the problem for "url" says
        { "https://user:secret@example.com/hooks", "Remove the user name and password from the URL" },
        { "https://user@example.com/hooks", "Remove the user name and password from the URL" },
        { "https://%75ser:x@example.com/hooks", "Remove the user name and password from the URL" },
        { "javascript:alert(document.cookie)", "'javascript' URLs cannot receive webhooks" },
        { "JaVaScRiPt:alert(1)", "'javascript' URLs cannot receive webhooks" },
        { "file:///etc/passwd", "starts with https:// or http://" },
        { "ftp://example.com/hooks", "'ftp' URLs cannot receive webhooks" },
        { "gopher://127.0.0.1:6379/_FLUSHALL", "'gopher' URLs cannot receive webhooks" },
        { "data:text/html,<script>alert(1)</script>", "'data' URLs cannot receive webhooks" },
        { "//example.com/hooks", "starts with https:// or http://" },
        { "https://example.com/hooks\r\nX-Injected: 1", "contains spaces or control characters" },
        { "https://example.com/hooks#frag", "Remove the #fragment" },
        { LongUrl, "The URL is 10,020 characters long; the limit is 2048." },
    };

    public static TheoryData<string, string, string, string> Headers => new()
    {
        // header name, header value, the field the problem is under, what it says
        { "X-Tenant", "acme\r\nX-Injected: 1", "headers[0].value", "line break or control character" },
        { "X-Tenant", "acme\nX-Injected: 1", "headers[0].value", "line break or control character" },
        { "X-Tenant", "acme\rX-Injected: 1", "headers[0].value", "line break or control character" },
        { "X-Tenant", "acme\0", "headers[0].value", "line break or control character" },
        { "X-Tenant\r\nX-Injected", "1", "headers[0].name", "is not a valid header name" },
        { "X-Tenant: 1\r\nHost", "evil.example", "headers[0].name", "is not a valid header name" },
        { "X Tenant", "1", "headers[0].name", "is not a valid header name" },
        { "X-Ténant", "1", "headers[0].name", "is not a valid header name" },
        { "Host", "evil.example", "headers[0].name", "cannot be overridden" },
        { "content-length", "0", "headers[0].name", "cannot be overridden" },
        { "Transfer-Encoding", "chunked", "headers[0].name", "cannot be overridden" },
        { "Webhook-Signature", "v1,forged", "headers[0].name", "cannot be overridden" },
        { "webhook-id", "msg_forged", "headers[0].name", "cannot be overridden" },
        { "X-Tenant", new string('v', 2_001), "headers[0].value", "longer than 2000 characters" },
    };

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task CreateListener_RefusesTheUrlWithWhatToFix_AndStoresNothing(string url, string says)
    {
        var (status, problem, stored) = await CreateAsync(new { hook = "order.paid", url });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(says, ErrorOf(problem, "url").Replace("10020", "10,020"));
        Assert.Equal(0, stored);
    }

    [Theory]
    [MemberData(nameof(Headers))]
    public async Task CreateListener_RefusesTheHeaderWithWhatToFix_AndStoresNothing(string name, string value, string field, string says)
    {
        var (status, problem, stored) = await CreateAsync(new { hook = "order.paid", url = "https://example.com/hooks", headers = new[] { new { name, value } } });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(says, ErrorOf(problem, field));
        Assert.Equal(0, stored);
    }

    /// <summary>
    /// Decision: a host written in non-ASCII letters is accepted (real IDN domains exist) but stored and shown in its
    /// ASCII (IDNA) form, so a homograph of a known name cannot pass for it on the listener page or in the API.
    /// </summary>
    [Theory]
    [InlineData("https://\u0430pple.com/hooks", "https://xn--pple-43d.com/hooks")] // Cyrillic а + Latin "pple"
    [InlineData("https://p\u0430yp\u0430l.com/hooks", "https://xn--pypl-53dc.com/hooks")] // two Cyrillic а
    [InlineData("https://\u0430\u0440\u0440\u04cf\u0435.com/hooks", "https://xn--80ak6aa92e.com/hooks")] // "apple" wholly in Cyrillic
    [InlineData("https://\uff45xample.com/hooks", "https://example.com/hooks")] // full-width ｅ is just e
    [InlineData("https://b\u00fccher.example/hooks", "https://xn--bcher-kva.example/hooks")] // a real IDN name
    [InlineData("https://xn--pple-43d.com/hooks", "https://xn--pple-43d.com/hooks")] // already ASCII: kept as written
    public async Task CreateListener_StoresALookAlikeHostInItsAsciiForm_SoTheAdminSeesWhatItIs(string url, string stored)
    {
        using var client = app.CreateAdminClient();

        var response = await client.PostAsJsonAsync("/api/listeners", new { hook = "order.paid", url });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = created.RootElement.GetProperty("id").GetString()!;
        Assert.Equal(stored, created.RootElement.GetProperty("url").GetString());
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(stored, await db.Listeners.Where(l => l.Id == id).Select(l => l.Url).SingleAsync());
    }

    /// <summary>
    /// <c>(a+)+$</c> is a valid pattern, so it is accepted; against "aaaa…!" it backtracks for ever, and the match timeout
    /// (Listeners:RegexTimeoutMilliseconds, 100 ms) stops it: the publish answers, the event is stored, and the
    /// listener whose filter timed out gets no delivery.
    /// </summary>
    [Fact]
    public async Task Publish_AnswersAndStoresTheEvent_WhenALikeFilterIsCatastrophicForThePayload()
    {
        using var client = app.CreateAdminClient();
        var created = await client.PostAsJsonAsync("/api/listeners", new
        {
            hook = "order.paid", url = "https://catastrophic.example/hooks",
            filters = new[] { new { field = "customer.email", @operator = "Like", value = "(a+)+$" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var listener = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var listenerId = listener.RootElement.GetProperty("id").GetString()!;
        var before = await StoredRows.CountAsync(app.Services);
        var payload = new { id = 7, customer = new { email = new string('a', 5_000) + "!" }, amount = 1, currency = "EUR" };

        var clock = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync("/api/hooks/order.paid/events", payload);
        clock.Stop();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        // Without the timeout this match would take longer than the universe has left; 30 s is a bound, not a speed target.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the publish took {clock.Elapsed}");
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var eventId = answer.RootElement.GetProperty("eventId").GetString()!;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.True(await db.Events.AnyAsync(e => e.Id == eventId));
        Assert.Equal(before.Events + 1, (await StoredRows.CountAsync(app.Services)).Events);
        Assert.False(await db.Deliveries.AnyAsync(d => d.EventId == eventId && d.ListenerId == listenerId));

        // The preview shows why: the timeout stopped the match, rather than the pattern simply not matching.
        var preview = await client.PostAsJsonAsync("/api/filters/preview", new
        {
            hook = "order.paid", payload,
            filters = new[] { new { field = "customer.email", @operator = "Like", value = "(a+)+$" } },
        });
        Assert.Contains("took longer than 100 ms, so the filter fails", await preview.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("(", "not a valid regular expression")]
    [InlineData("[a-", "not a valid regular expression")]
    public async Task CreateListener_RefusesAPatternThatDoesNotCompile(string pattern, string says)
    {
        var (status, problem, stored) = await CreateAsync(new
        {
            hook = "order.paid", url = "https://example.com/hooks",
            filters = new[] { new { field = "customer.email", @operator = "Like", value = pattern } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(says, ErrorOf(problem, "filters[0].value"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, stored);
    }

    private async Task<(HttpStatusCode Status, JsonElement Problem, int Stored)> CreateAsync(object body)
    {
        using var client = app.CreateAdminClient();
        var before = await ListenerCountAsync();
        var response = await client.PostAsJsonAsync("/api/listeners", body);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, problem.RootElement.Clone(), await ListenerCountAsync() - before);
    }

    private async Task<int> ListenerCountAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Listeners.CountAsync();
    }

    private static string ErrorOf(JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            ? string.Join(" ", messages.EnumerateArray().Select(m => m.GetString()))
            : $"no error for {field} in {problem}";
}
