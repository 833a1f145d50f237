using System.Net;
using System.Net.Http.Headers;
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

    private async Task<JsonDocument> GetJsonAsync(string url)
    {
        var response = await app.CreateAdminClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
