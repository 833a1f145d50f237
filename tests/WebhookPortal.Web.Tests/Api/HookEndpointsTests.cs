using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Api;

public sealed class HookEndpointsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task List_AnswersUnauthorizedWithProblemDetails_WhenNoKeyIsSent()
    {
        var response = await app.CreateClient().GetAsync("/api/hooks");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Authorization: Bearer", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Bearer wrong-key-wrong-key-wrong-key-wrong-key")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task List_AnswersUnauthorized_WhenTheKeyIsWrong(string authorization)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/hooks")).StatusCode);
    }

    [Fact]
    public async Task List_ReturnsTheCatalogueWithPaging_WhenTheAdminKeyIsSent()
    {
        using var body = await GetJsonAsync("/api/hooks?pageSize=2&page=2");

        Assert.Equal(3, body.RootElement.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, body.RootElement.GetProperty("page").GetInt32());
        var only = Assert.Single(body.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("person.saved", only.GetProperty("name").GetString());
    }

    [Fact]
    public async Task List_FiltersBySearchAndSource()
    {
        using var bySearch = await GetJsonAsync("/api/hooks?search=payment");
        using var bySource = await GetJsonAsync("/api/hooks?source=entityChange");

        Assert.Equal("order.paid", bySearch.RootElement.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal(2, bySource.RootElement.GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData("/api/hooks?pageSize=0", "pageSize")]
    [InlineData("/api/hooks?pageSize=501", "pageSize")]
    [InlineData("/api/hooks?page=0", "page")]
    [InlineData("/api/hooks?source=webhook", "source")]
    public async Task List_AnswersBadRequestNamingTheParameter_WhenAQueryValueIsInvalid(string url, string parameter)
    {
        var response = await app.CreateAdminClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task List_AnswersBadRequestNotServerError_WhenANumberCannotBeRead()
    {
        var response = await app.CreateAdminClient().GetAsync("/api/hooks?page=first");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("page", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_ReturnsTheHookWithItsSampleAsJson()
    {
        using var body = await GetJsonAsync("/api/hooks/order.paid");
        var hook = body.RootElement;

        Assert.Equal("Api", hook.GetProperty("source").GetString());
        Assert.Equal(["id", "customer.email", "amount", "currency"],
            hook.GetProperty("providedFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("jane@example.com", hook.GetProperty("samplePayload").GetProperty("customer").GetProperty("email").GetString());
    }

    [Fact]
    public async Task Get_AnswersNotFoundWithProblemDetails_WhenTheHookIsUnknown()
    {
        var response = await app.CreateAdminClient().GetAsync("/api/hooks/no.such.hook");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("No hook is named 'no.such.hook'", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownApiRoute_AnswersNotFoundWithProblemDetails()
    {
        var response = await app.CreateAdminClient().GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    // The tests below change the catalogue, so each has a portal of its own and the fixture keeps the demo data.

    [Fact]
    public async Task CreateUpdateDelete_ChangeThePortalHook_ThroughHttp()
    {
        using var portal = new PortalAppFactory();
        var client = portal.CreateAdminClient();

        var created = await client.PostAsJsonAsync("/api/hooks", new
        {
            name = "invoice.sent",
            description = "An invoice was sent.",
            providedFields = new[] { "id", "customer.email" },
            samplePayload = new { id = "inv_1", customer = new { email = "jane@example.com" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/hooks/invoice.sent", created.Headers.Location?.OriginalString);
        using (var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync()))
        {
            Assert.Equal("portal", body.RootElement.GetProperty("definedIn").GetString());
            Assert.Equal("Api", body.RootElement.GetProperty("source").GetString());
            Assert.Equal("jane@example.com", body.RootElement.GetProperty("samplePayload").GetProperty("customer").GetProperty("email").GetString());
        }

        var updated = await client.PutAsJsonAsync("/api/hooks/invoice.sent", new
        {
            description = "An invoice was e-mailed.",
            providedFields = new[] { "id" },
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        using (var body = JsonDocument.Parse(await updated.Content.ReadAsStringAsync()))
        {
            Assert.Equal("An invoice was e-mailed.", body.RootElement.GetProperty("description").GetString());
            Assert.Equal("<id>", body.RootElement.GetProperty("samplePayload").GetProperty("id").GetString());
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/hooks/invoice.sent")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/hooks/invoice.sent")).StatusCode);
    }

    [Fact]
    public async Task Create_AnswersBadRequestNamingEachField_WhenTheHookIsInvalid()
    {
        using var portal = new PortalAppFactory();

        var response = await portal.CreateAdminClient().PostAsJsonAsync("/api/hooks", new
        {
            name = "Invoice",
            providedFields = new[] { "id", "a..b" },
            samplePayload = "[1, 2]",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Contains("order.paid", errors.GetProperty("name")[0].GetString());
        Assert.Contains("'a..b' is not a field path", errors.GetProperty("providedFields[1]")[0].GetString());
        Assert.Contains("must be a JSON object", errors.GetProperty("samplePayload")[0].GetString());
    }

    [Theory]
    [InlineData("order.paid")]
    [InlineData("person.saved")]
    public async Task Create_AnswersConflict_WhenTheNameIsTaken(string name)
    {
        var response = await app.CreateAdminClient().PostAsJsonAsync("/api/hooks", new { name, providedFields = new[] { "id" } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains($"A hook named '{name}' already exists", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UpdateAndDelete_AnswerConflict_ForAHookDefinedInCode()
    {
        using var portal = new PortalAppFactory();
        var client = portal.CreateAdminClient();

        var update = await client.PutAsJsonAsync("/api/hooks/person.saved", new { providedFields = new[] { "id", "secret" } });
        var delete = await client.DeleteAsync("/api/hooks/person.saved");

        Assert.Equal(HttpStatusCode.Conflict, update.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Contains("registered in the application's code", await delete.Content.ReadAsStringAsync());
        using var hook = JsonDocument.Parse(await client.GetStringAsync("/api/hooks/person.saved"));
        Assert.Equal("code", hook.RootElement.GetProperty("definedIn").GetString());
        Assert.Equal(3, hook.RootElement.GetProperty("providedFields").GetArrayLength());
    }

    [Fact]
    public async Task UpdateAndDelete_AnswerNotFound_WhenTheHookIsUnknown()
    {
        var client = app.CreateAdminClient();

        var update = await client.PutAsJsonAsync("/api/hooks/no.such.hook", new { providedFields = new[] { "id" } });
        var delete = await client.DeleteAsync("/api/hooks/no.such.hook");

        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Contains("No hook is named 'no.such.hook'", await delete.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Update_AnswersBadRequest_WhenTheBodyRenamesTheHook()
    {
        using var portal = new PortalAppFactory();

        var response = await portal.CreateAdminClient().PutAsJsonAsync("/api/hooks/order.paid",
            new { name = "order.settled", providedFields = new[] { "id" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("cannot change", problem.RootElement.GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Theory]
    [InlineData("Development", "{\"name\": \"invoice.sent\",")]
    [InlineData("Production", "{\"name\": \"invoice.sent\",")]
    [InlineData("Production", "{\"name\": \"invoice.sent\", \"providedFields\": \"id\"}")]
    public async Task Create_AnswersBadRequestSayingTheJsonIsWrong_WhenTheBodyCannotBeRead(string environment, string body)
    {
        using var portal = new PortalAppFactory { Environment = environment };

        var response = await portal.CreateAdminClient().PostAsync("/api/hooks", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonDocument> GetJsonAsync(string url)
    {
        var response = await app.CreateAdminClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
