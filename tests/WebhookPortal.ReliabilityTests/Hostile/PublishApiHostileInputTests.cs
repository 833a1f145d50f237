using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using WebhookPortal.ReliabilityTests.Boundary;
using WebhookPortal.TestSupport;

namespace WebhookPortal.ReliabilityTests.Hostile;

/// <summary>
/// Hostile bodies sent to <c>POST /api/hooks/{name}/events</c> with the admin key: each is answered 4xx with a problem
/// that says what to fix, nothing is stored, and the app goes on serving (health 200, then a good publish 202).
/// </summary>
public sealed class PublishApiHostileInputTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string GoodBody = """{"id":1,"customer":{"email":"x@example.com"},"amount":10,"currency":"EUR"}""";

    public static TheoryData<string, int, string> Bodies => new()
    {
        // name of the body, expected status, what the problem's detail must say
        { "malformed", 400, "The body is not valid JSON" },
        { "trailing comma", 400, "The body is not valid JSON" },
        { "empty", 400, "The body is not valid JSON" },
        { "array", 400, "must be a JSON object" },
        { "number", 400, "must be a JSON object" },
        { "string", 400, "must be a JSON object" },
        { "null", 400, "must be a JSON object" },
        { "10,000 nested objects", 400, "depth" },
        { "10,000 nested arrays in an object", 400, "depth" },
        { "10 MB", 413, "at most 262,144 bytes (Events:MaxPayloadBytes)" },
        { "invalid UTF-8", 400, "not valid UTF-8" },
        { "overlong UTF-8", 400, "not valid UTF-8" },
        { "lone surrogate escape", 400, "$.id is not valid UTF-8 text" },
        { "1e400", 400, "send it as a string instead" },
        { "-1e400", 400, "send it as a string instead" },
        { "400-digit integer", 400, "send it as a string instead" },
        { "100,000-character string in a body under the size limit (over Events:MaxStringLength)", 400, "the limit is 65,536 (Events:MaxStringLength)" },
        { "100,000-character property name", 400, "longer than 65536 characters" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Publish_AnswersAProblemThatSaysWhatToFix_StoresNothing_AndKeepsServing(string body, int status, string says)
    {
        using var client = app.CreateAdminClient();
        var before = await StoredRows.CountAsync(app.Services);

        var response = await client.PostAsync("/api/hooks/order.paid/events", Content(Bytes(body)));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{body}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using (var problem = JsonDocument.Parse(text))
        {
            // The words are in the detail, or for a payload rule in the errors the detail points to.
            Assert.True(problem.RootElement.GetProperty("detail").GetString()!.Length > 0);
            Assert.True(text.Contains(says, StringComparison.OrdinalIgnoreCase), text);
            Assert.DoesNotContain("   at ", text); // no stack trace leaves the server
        }

        Assert.Equal(before, await StoredRows.CountAsync(app.Services));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/hooks/order.paid/events", Content(Encoding.UTF8.GetBytes(GoodBody)))).StatusCode);
    }

    /// <summary>
    /// The other side of the string limit: a long string under <c>Events:MaxStringLength</c> is an ordinary payload
    /// (a description, a base64 thumbnail) and is published, so the 100,000-character refusal above is the limit at work.
    /// </summary>
    [Fact]
    public async Task Publish_AcceptsA60000CharacterString_BecauseItIsUnderEventsMaxStringLength()
    {
        using var client = app.CreateAdminClient();
        var before = await StoredRows.CountAsync(app.Services);

        var response = await client.PostAsync("/api/hooks/order.paid/events",
            Content(Encoding.UTF8.GetBytes("{\"id\":1,\"note\":\"" + new string('x', 60_000) + "\"}")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(before.Events + 1, (await StoredRows.CountAsync(app.Services)).Events);
    }

    [Fact]
    public async Task Publish_AnswersUnsupportedMediaType_WhenTheBodyIsNotSentAsJson()
    {
        using var client = app.CreateAdminClient();
        var before = await StoredRows.CountAsync(app.Services);

        var response = await client.PostAsync("/api/hooks/order.paid/events", new StringContent(GoodBody, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Content-Type: application/json", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await StoredRows.CountAsync(app.Services));
    }

    /// <summary>
    /// A 10 MB body announced without a length (chunked) is refused as soon as the limit is passed, not read to the end.
    /// </summary>
    [Fact]
    public async Task Publish_AnswersPayloadTooLarge_WhenA10MegabyteBodyIsStreamedWithoutALength()
    {
        using var client = app.CreateAdminClient();
        var before = await StoredRows.CountAsync(app.Services);
        var content = new StreamContent(new MemoryStream(Bytes("10 MB")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/hooks/order.paid/events") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await StoredRows.CountAsync(app.Services));
    }

    private static ByteArrayContent Content(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static byte[] Bytes(string body) => body switch
    {
        "malformed" => Encoding.UTF8.GetBytes("""{"id":1,"customer":"""),
        "trailing comma" => Encoding.UTF8.GetBytes("""{"id":1,}"""),
        "empty" => [],
        "array" => Encoding.UTF8.GetBytes("[" + GoodBody + "]"),
        "number" => Encoding.UTF8.GetBytes("42"),
        "string" => Encoding.UTF8.GetBytes("\"order\""),
        "null" => Encoding.UTF8.GetBytes("null"),
        "10,000 nested objects" => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)),
        "10,000 nested arrays in an object" => Encoding.UTF8.GetBytes("{\"id\":" + new string('[', 10_000) + new string(']', 10_000) + "}"),
        "10 MB" => Encoding.UTF8.GetBytes("{\"id\":\"" + new string('x', 10 * 1024 * 1024) + "\"}"),
        "invalid UTF-8" => [.. Encoding.UTF8.GetBytes("{\"id\":\""), 0xFF, 0xFE, 0xC3, .. Encoding.UTF8.GetBytes("\"}")],
        "overlong UTF-8" => [.. Encoding.UTF8.GetBytes("{\"id\":\""), 0xC0, 0xAF, .. Encoding.UTF8.GetBytes("\"}")],
        "lone surrogate escape" => Encoding.UTF8.GetBytes("{\"id\":\"\\uD800\"}"),
        "1e400" => Encoding.UTF8.GetBytes("{\"id\":1,\"amount\":1e400}"),
        "-1e400" => Encoding.UTF8.GetBytes("{\"id\":1,\"amount\":-1e400}"),
        "400-digit integer" => Encoding.UTF8.GetBytes("{\"id\":" + new string('9', 400) + "}"),
        "100,000-character string in a body under the size limit (over Events:MaxStringLength)" => Encoding.UTF8.GetBytes("{\"id\":1,\"note\":\"" + new string('x', 100_000) + "\"}"),
        "100,000-character property name" => Encoding.UTF8.GetBytes("{\"" + new string('k', 100_000) + "\":1}"),
        _ => throw new ArgumentOutOfRangeException(nameof(body), body, null),
    };
}
