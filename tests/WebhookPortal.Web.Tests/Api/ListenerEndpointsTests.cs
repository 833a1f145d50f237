using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Api;

public sealed class ListenerEndpointsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private readonly HttpClient api = app.CreateAdminClient();

    private static object NewListener(string url = "https://example.com/orders") => new
    {
        hook = "order.paid",
        url,
        description = "Paid orders to the warehouse",
        headers = new[] { new { name = "X-Environment", value = "production" } },
        filters = new object[]
        {
            new { field = "currency", @operator = "In", value = "EUR, USD" },
            new { field = "amount", @operator = "GreaterThan", value = "10" },
        },
    };

    [Fact]
    public async Task Create_AnswersCreatedWithTheSecretInFull_AndOnlyThen()
    {
        var response = await api.PostAsJsonAsync("/api/listeners", NewListener());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = await ReadAsync(response);
        var id = created.RootElement.GetProperty("id").GetString()!;
        var secret = created.RootElement.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret);
        Assert.Equal($"/api/listeners/{id}", response.Headers.Location?.OriginalString);

        var fetched = await api.GetStringAsync($"/api/listeners/{id}");
        var listed = await api.GetStringAsync("/api/listeners?pageSize=500");
        Assert.DoesNotContain(secret, fetched);
        Assert.DoesNotContain(secret[6..], listed);
        using var one = JsonDocument.Parse(fetched);
        Assert.False(one.RootElement.TryGetProperty("secret", out _));
        Assert.EndsWith(secret[^4..], one.RootElement.GetProperty("secretHint").GetString());
        Assert.Equal("In", one.RootElement.GetProperty("filters")[0].GetProperty("operator").GetString());
    }

    [Fact]
    public async Task ReadUpdateDelete_WorkThroughTheApi()
    {
        var id = await CreateAsync();

        var update = await api.PutAsJsonAsync($"/api/listeners/{id}", new
        {
            hook = "order.paid",
            url = "https://example.com/v2",
            enabled = false,
            filters = new[] { new { field = "customer.email", @operator = "EndsWith", value = "@example.com", caseSensitive = false } },
            version = 1,
        });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        using (var updated = await ReadAsync(update))
        {
            Assert.Equal("https://example.com/v2", updated.RootElement.GetProperty("url").GetString());
            Assert.False(updated.RootElement.GetProperty("enabled").GetBoolean());
            Assert.Equal("Disabled by an admin.", updated.RootElement.GetProperty("disabledReason").GetString());
            Assert.False(updated.RootElement.GetProperty("filters")[0].GetProperty("caseSensitive").GetBoolean());
            Assert.Equal(2, updated.RootElement.GetProperty("version").GetInt32());
        }

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/listeners/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/listeners/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/listeners/{id}")).StatusCode);
    }

    [Fact]
    public async Task Update_AnswersConflict_WhenTheVersionIsStale()
    {
        var id = await CreateAsync();
        await api.PutAsJsonAsync($"/api/listeners/{id}", new { hook = "order.paid", url = "https://a.example/", version = 1 });

        var stale = await api.PutAsJsonAsync($"/api/listeners/{id}", new { hook = "order.paid", url = "https://b.example/", version = 1 });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Reload it", await stale.Content.ReadAsStringAsync());
    }

    /// <summary>Bodies with one mistake each, and the field the answer must name; POST and PUT refuse them alike.</summary>
    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"hook":"order.paid","url":"ftp://example.com/"}""", "url" },
        { """{"hook":"order.paid","url":"https://user:pw@example.com/"}""", "url" },
        { $$"""{"hook":"order.paid","url":"https://example.com/{{new string('a', 2048)}}"}""", "url" },
        { """{"hook":"order.paid"}""", "url" },
        { """{"url":"https://example.com/"}""", "hook" },
        { $$"""{"hook":"order.paid","url":"https://example.com/","description":"{{new string('d', 501)}}"}""", "description" },
        { """{"hook":"order.paid","url":"https://example.com/","headers":[{"name":"Content-Length","value":"1"}]}""", "headers[0].name" },
        { """{"hook":"order.paid","url":"https://example.com/","headers":[{"name":"X-A","value":"a"},{"name":"Host","value":"evil.example"}]}""", "headers[1].name" },
        { """{"hook":"order.paid","url":"https://example.com/","headers":[{"name":"webhook-id","value":"msg_1"}]}""", "headers[0].name" },
        { """{"hook":"order.paid","url":"https://example.com/","headers":[{"name":"X-A","value":"a\r\nX-B: b"}]}""", "headers[0].value" },
        { """{"hook":"order.paid","url":"https://example.com/","filters":[{"field":"customer.name","operator":"Is","value":"x"}]}""", "filters[0].field" },
        { """{"hook":"order.paid","url":"https://example.com/","filters":[{"field":"amount","operator":"Equals","value":"x"}]}""", "filters[0].operator" },
        { """{"hook":"order.paid","url":"https://example.com/","filters":[{"field":"amount","operator":"Like","value":"(a"}]}""", "filters[0].value" },
        { """{"hook":"order.paid","url":"https://example.com/","filters":[{"field":"amount","operator":"GreaterThan","value":"ten"}]}""", "filters[0].value" },
        { """{"hook":"order.paid","url":"https://example.com/","filters":[{"field":"currency","operator":"In","value":"EUR,,USD"}]}""", "filters[0].value" },
        { """{"hook":"order.paid","url":"https://example.com/","filters":[{"field":"currency","operator":"In","value":"[\"EUR\", 7]"}]}""", "filters[0].value" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Create_AnswersBadRequestNamingTheField_WhenTheInputIsInvalid(string body, string field)
    {
        var before = await CountAsync();

        var response = await api.PostAsync("/api/listeners", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await AssertBadRequestNamingAsync(response, field);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Update_AnswersBadRequestNamingTheField_AndChangesNothing_WhenTheInputIsInvalid(string body, string field)
    {
        var id = await CreateAsync();
        var withVersion = body[..^1] + ""","version":1}""";

        var response = await api.PutAsync($"/api/listeners/{id}", new StringContent(withVersion, System.Text.Encoding.UTF8, "application/json"));

        await AssertBadRequestNamingAsync(response, field);
        using var stored = JsonDocument.Parse(await api.GetStringAsync($"/api/listeners/{id}"));
        Assert.Equal(1, stored.RootElement.GetProperty("version").GetInt32());
        Assert.Equal("https://example.com/orders", stored.RootElement.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Update_AnswersNotFound_AndChangesNothing_WhenTheHookIsUnknown()
    {
        var id = await CreateAsync();

        var response = await api.PutAsJsonAsync($"/api/listeners/{id}", new { hook = "no.such.hook", url = "https://example.com/v2", version = 1 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No hook is named 'no.such.hook'", await response.Content.ReadAsStringAsync());
        using var stored = JsonDocument.Parse(await api.GetStringAsync($"/api/listeners/{id}"));
        Assert.Equal("order.paid", stored.RootElement.GetProperty("hook").GetString());
        Assert.Equal(1, stored.RootElement.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Update_NeverAnswersTheSecret()
    {
        var response = await api.PostAsJsonAsync("/api/listeners", NewListener());
        using var created = await ReadAsync(response);
        var id = created.RootElement.GetProperty("id").GetString()!;
        var secret = created.RootElement.GetProperty("secret").GetString()!;

        var update = await api.PutAsJsonAsync($"/api/listeners/{id}", new { hook = "order.paid", url = "https://example.com/v2", version = 1 });

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var text = await update.Content.ReadAsStringAsync();
        using var updated = JsonDocument.Parse(text);
        Assert.False(updated.RootElement.TryGetProperty("secret", out _), text);
        Assert.DoesNotContain(secret[6..], text);
        Assert.EndsWith(secret[^4..], updated.RootElement.GetProperty("secretHint").GetString());
    }

    [Fact]
    public async Task Update_MovesTheListenerToAnotherHook_AndItsDeliveriesFollow()
    {
        var id = await CreateAsync("https://moving.example.com/hooks");
        var name = $"Moved {Guid.NewGuid():N}";

        var update = await api.PutAsJsonAsync($"/api/listeners/{id}", new
        {
            hook = "person.saved",
            url = "https://moving.example.com/hooks",
            filters = new[] { new { field = "name", @operator = "Is", value = name } },
            version = 1,
        });

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        using (var updated = await ReadAsync(update))
        {
            Assert.Equal("person.saved", updated.RootElement.GetProperty("hook").GetString());
        }

        using (var old = JsonDocument.Parse(await api.GetStringAsync("/api/listeners?hook=order.paid&url=moving.example.com")))
        {
            Assert.Equal(0, old.RootElement.GetProperty("totalCount").GetInt32());
        }

        // Matching reads the hook's listeners from a cache: both hooks' entries must have been forgotten.
        await PublishAsync("order.paid", new { id = "ord_move", customer = new { email = "a@example.com" }, amount = 50, currency = "EUR" });
        await PublishAsync("person.saved", new { id = 1, name, address = "1 Main Street" });
        using var log = JsonDocument.Parse(await api.GetStringAsync($"/api/deliveries?listenerId={id}"));
        var delivery = Assert.Single(log.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("person.saved", delivery.GetProperty("hook").GetString());
    }

    [Fact]
    public async Task Create_ReportsAnUnreadableOperatorTogetherWithTheOtherMistakes()
    {
        var response = await api.PostAsJsonAsync("/api/listeners", new
        {
            hook = "order.paid",
            url = "gopher://example.com/",
            filters = new[] { new { field = "amount", @operator = "Bigger", value = "1" } },
        });

        using var problem = await ReadAsync(response);
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("url", out _));
        Assert.True(errors.TryGetProperty("filters[0].operator", out _));
    }

    [Theory]
    [InlineData("POST", "/api/listeners", "no.such.hook", "No hook is named 'no.such.hook'")]
    [InlineData("PUT", "/api/listeners/lst_nosuchlistener", "order.paid", "No listener has the id 'lst_nosuchlistener'")]
    public async Task Write_AnswersNotFoundSayingWhat_WhenTheHookOrListenerIsUnknown(string method, string path, string hook, string says)
    {
        var response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = JsonContent.Create(new { hook, url = "https://example.com/" }),
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_AnswersBadRequestThatSaysWhere_WhenTheBodyIsNotJson()
    {
        var response = await api.PostAsync("/api/listeners", new StringContent("{\"hook\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_AnswersUnsupportedMediaTypeThatSaysToSendJson_WhenTheBodyIsNotMarkedAsJson()
    {
        var response = await api.PostAsync("/api/listeners", new StringContent("hook=order.paid", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Content-Type: application/json", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Listener_AnswersMethodNotAllowedThatNamesTheMethod()
    {
        var response = await api.PatchAsync("/api/listeners/lst_x", null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("does not accept PATCH", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RotateSecret_ReturnsTheNewSecretAndWhenThePreviousExpires()
    {
        var id = await CreateAsync();

        var response = await api.PostAsync($"/api/listeners/{id}/rotate-secret", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var rotated = await ReadAsync(response);
        Assert.StartsWith("whsec_", rotated.RootElement.GetProperty("secret").GetString());
        using var fetched = JsonDocument.Parse(await api.GetStringAsync($"/api/listeners/{id}"));
        Assert.True(fetched.RootElement.GetProperty("previousSecretExpiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(23));
    }

    [Fact]
    public async Task List_FiltersByHookUrlAndState()
    {
        var id = await CreateAsync("https://listing.example.com/only-this-one");

        using var page = JsonDocument.Parse(await api.GetStringAsync("/api/listeners?hook=order.paid&url=only-this-one&enabled=true"));

        Assert.Equal(1, page.RootElement.GetProperty("totalCount").GetInt32());
        Assert.Equal(id, page.RootElement.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("/api/listeners?sort=colour", "sort")]
    [InlineData("/api/listeners?direction=sideways", "direction")]
    [InlineData("/api/listeners?pageSize=1000", "pageSize")]
    public async Task List_AnswersBadRequestNamingTheParameter(string url, string parameter)
    {
        using var problem = await ReadAsync(await api.GetAsync(url));

        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Preview_ExplainsWhichFilterFailed()
    {
        var response = await api.PostAsJsonAsync("/api/filters/preview", new
        {
            hook = "order.paid",
            filters = new[] { new { field = "currency", @operator = "Is", value = "EUR" } },
            payload = new { id = "o1", currency = "GBP", amount = 5 },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var result = await ReadAsync(response);
        Assert.False(result.RootElement.GetProperty("matched").GetBoolean());
        Assert.Equal("currency is not 'EUR'", result.RootElement.GetProperty("outcomes")[0].GetProperty("explanation").GetString());
    }

    [Fact]
    public async Task Preview_TriesTheHooksSample_WhenThePayloadIsLeftOutOrNull()
    {
        // order.paid's sample pays in EUR: the same filters are tried on it sent explicitly, left out and null.
        using var hook = JsonDocument.Parse(await api.GetStringAsync("/api/hooks/order.paid"));
        var sample = hook.RootElement.GetProperty("samplePayload");
        Assert.Equal("EUR", sample.GetProperty("currency").GetString());
        foreach (var (currency, matches) in new[] { ("EUR", true), ("USD", false) })
        {
            var filters = new[] { new { field = "currency", @operator = "Is", value = currency } };
            var explicitly = await PreviewAsync(new { hook = "order.paid", filters, payload = sample });
            var leftOut = await PreviewAsync(new { hook = "order.paid", filters });
            var asNull = await PreviewAsync(new { hook = "order.paid", filters, payload = (object?)null });

            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (leftOut.Status, asNull.Status));
            Assert.Equal(matches, leftOut.Body.RootElement.GetProperty("matched").GetBoolean());
            Assert.Equal(explicitly.Body.RootElement.ToString(), leftOut.Body.RootElement.ToString());
            Assert.Equal(explicitly.Body.RootElement.ToString(), asNull.Body.RootElement.ToString());
        }
    }

    [Fact]
    public async Task Preview_ReadsAPayloadSentAsText_AsTheFormSendsIt()
    {
        var (status, body) = await PreviewAsync(new
        {
            hook = "order.paid",
            filters = new[] { new { field = "amount", @operator = "GreaterThan", value = "100" } },
            payload = """{"amount": 120, "currency": "GBP"}""",
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.RootElement.GetProperty("matched").GetBoolean());
    }

    [Theory]
    [InlineData("\"\"", "Paste a JSON payload")]
    [InlineData("\"  \"", "Paste a JSON payload")]
    [InlineData("\"{\\\"amount\\\": \"", "The payload is not valid JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("42", "must be a JSON object")]
    public async Task Preview_AnswersBadRequestNamingThePayload_WhenItIsEmptyOrNotAnObject(string payloadJson, string says)
    {
        var body = $$"""{"hook":"order.paid","filters":[],"payload":{{payloadJson}}}""";

        var response = await api.PostAsync("/api/filters/preview", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = await ReadAsync(response);
        Assert.Contains(says, problem.RootElement.GetProperty("errors").GetProperty("payload")[0].GetString());
    }

    [Fact]
    public async Task Preview_AnswersBadRequestThatSaysWhere_WhenTheBodyIsNotJson()
    {
        var response = await api.PostAsync("/api/filters/preview",
            new StringContent("""{"hook":"order.paid","payload":{"amount": }""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Preview_AnswersNotFound_WhenTheHookIsUnknown()
    {
        var (status, body) = await PreviewAsync(new { hook = "no.such.hook", filters = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("No hook is named 'no.such.hook'", body.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Listeners_NeedTheApiKey()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/listeners")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync("/api/listeners", NewListener())).StatusCode);
    }

    private async Task<string> CreateAsync(string url = "https://example.com/orders")
    {
        var response = await api.PostAsJsonAsync("/api/listeners", NewListener(url));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = await ReadAsync(response);
        return created.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task AssertBadRequestNamingAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = await ReadAsync(response);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out var messages),
            $"expected an error for {field}: {problem.RootElement}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    private async Task<(HttpStatusCode Status, JsonDocument Body)> PreviewAsync(object request)
    {
        var response = await api.PostAsJsonAsync("/api/filters/preview", request);
        return (response.StatusCode, await ReadAsync(response));
    }

    private async Task PublishAsync(string hook, object payload)
    {
        var response = await api.PostAsJsonAsync($"/api/hooks/{hook}/events", payload);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private async Task<int> CountAsync()
    {
        using var page = JsonDocument.Parse(await api.GetStringAsync("/api/listeners?pageSize=1"));
        return page.RootElement.GetProperty("totalCount").GetInt32();
    }

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());
}
