using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Api;

public sealed class EventEndpointsTests : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly HttpClient api;

    public EventEndpointsTests(PortalAppFactory app) => api = app.CreateAdminClient();

    public async Task InitializeAsync()
    {
        // The demo data has its own order.paid listener; this one is the tests' own.
        using var listeners = JsonDocument.Parse(await api.GetStringAsync("/api/listeners?hook=order.paid&url=warehouse.example.com"));
        if (listeners.RootElement.GetProperty("totalCount").GetInt32() == 0)
        {
            var created = await api.PostAsJsonAsync("/api/listeners", new
            {
                hook = "order.paid",
                url = "https://warehouse.example.com/orders",
                filters = new[] { new { field = "currency", @operator = "Is", value = "EUR" } },
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
    }

    [Fact]
    public async Task Publish_AnswersAcceptedWithTheEventAndItsDeliveries()
    {
        var response = await PublishAsync("""{"id":"ord_7","currency":"EUR","amount":10,"customer":{"email":"a@b.io","password":"x"}}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("eventId").GetString()!;
        Assert.StartsWith("evt_", id);
        Assert.Equal($"/api/events/{id}", response.Headers.Location?.OriginalString);

        using var stored = JsonDocument.Parse(await api.GetStringAsync($"/api/events/{id}"));
        var payload = stored.RootElement.GetProperty("payload");
        Assert.Equal("a@b.io", payload.GetProperty("customer").GetProperty("email").GetString());
        Assert.False(payload.GetProperty("customer").TryGetProperty("password", out _));
        var deliveries = stored.RootElement.GetProperty("deliveries").EnumerateArray().ToList();
        Assert.Equal(body.RootElement.GetProperty("deliveries").GetInt32(), deliveries.Count);
        var delivery = Assert.Single(deliveries, d => d.GetProperty("listenerUrl").GetString() == "https://warehouse.example.com/orders");
        Assert.Equal("Pending", delivery.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Publish_WithTheSameIdempotencyKey_ReturnsTheFirstEventAndStoresNothingNew()
    {
        var key = Guid.NewGuid().ToString();
        var first = await PublishAsync("""{"id":"ord_8","currency":"EUR"}""", key);
        var before = await StoredAsync();

        var again = await PublishAsync("""{"id":"ord_8","currency":"EUR"}""", key);

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await EventIdAsync(first), await EventIdAsync(again));
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task Publish_AnswersNotFound_ForAnUnknownHook_AndStoresNothing()
    {
        var before = await StoredAsync();

        var response = await PublishAsync("""{"id":"ord_9","currency":"EUR"}""", hook: "no.such.hook");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No hook is named 'no.such.hook'", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await StoredAsync());
    }

    public static TheoryData<string, string> Unreadable => new()
    {
        { "[1,2,3]", "must be a JSON object" },
        { "42", "must be a JSON object" },
        { "\"text\"", "must be a JSON object" },
        { "{\"id\": ", "not valid JSON" },
        { "{'id': 1}", "not valid JSON" },
        { string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000), "depth of 64" },
        { """{"amount": 1e999}""", "number too large" },
        { """{"id": 123456789012345678901234567890123456789012345678901234567890123456789}""", "number too large" },
        { $$"""{"note": "{{new string('x', 100_000)}}"}""", "$.note is a string of 100,000 characters" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task Publish_AnswersBadRequestThatSaysWhy_AndStoresNothing(string body, string expected)
    {
        var before = await StoredAsync();

        var response = await PublishAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task Publish_AnswersBadRequest_ForInvalidUtf8()
    {
        var before = await StoredAsync();
        var content = new ByteArrayContent([(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}']);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await api.PostAsync("/api/hooks/order.paid/events", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task Publish_AnswersPayloadTooLarge_ForABodyOverTheLimit_EvenWithoutContentLength()
    {
        var before = await StoredAsync();
        var big = "{\"note\":\"" + new string('x', 300 * 1024) + "\"}";
        var sized = await PublishAsync(big);
        var streamed = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        streamed.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/hooks/order.paid/events") { Content = streamed };
        request.Headers.TransferEncodingChunked = true;

        var chunked = await api.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, sized.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Contains("Events:MaxPayloadBytes", await chunked.Content.ReadAsStringAsync());
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task Publish_AnswersUnsupportedMediaType_WhenTheBodyIsNotSentAsJson_AndStoresNothing()
    {
        var before = await StoredAsync();

        var response = await api.PostAsync("/api/hooks/order.paid/events",
            new StringContent("id=1", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Content-Type: application/json", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task Publish_AnswersBadRequest_ForAnUnusableIdempotencyKey_AndStoresNothing()
    {
        var before = await StoredAsync();

        var response = await PublishAsync("""{"id":"x","currency":"EUR"}""", key: new string('k', 300));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task Events_ListNewestFirst_AndFilterByOrigin()
    {
        var first = await EventIdAsync(await PublishAsync("""{"id":"a"}"""));
        var second = await EventIdAsync(await PublishAsync("""{"id":"b"}"""));

        using var page = JsonDocument.Parse(await api.GetStringAsync("/api/events?hook=order.paid&origin=Api&pageSize=2"));

        Assert.Equal([second, first], page.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/events/evt_unknown")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/events?origin=carrier-pigeon")).StatusCode);
    }

    private Task<HttpResponseMessage> PublishAsync(string body, string? key = null, string hook = "order.paid")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/hooks/{hook}/events")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return api.SendAsync(request);
    }

    /// <summary>How many events and deliveries the portal holds, as the API counts them.</summary>
    private async Task<(int Events, int Deliveries)> StoredAsync() =>
        (await TotalAsync("/api/events?pageSize=1"), await TotalAsync("/api/deliveries?pageSize=1"));

    private async Task<int> TotalAsync(string url)
    {
        using var page = JsonDocument.Parse(await api.GetStringAsync(url));
        return page.RootElement.GetProperty("totalCount").GetInt32();
    }

    private static async Task<string> EventIdAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("eventId").GetString()!;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
