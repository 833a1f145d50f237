using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Core.Receiver;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Api;

/// <summary>The built-in receiver at <c>/receiver/{bucket}</c>: records what it gets and answers as its query asks, without the admin key.</summary>
public sealed class ReceiverEndpointsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private readonly HttpClient client = app.CreateClient();

    private ReceiverLog Log => app.Services.GetRequiredService<ReceiverLog>();

    [Fact]
    public async Task Post_RecordsTheRequestAndAnswersWithItsId()
    {
        using var response = await client.PostAsJsonAsync("/receiver/recorded?source=test", new { id = "ord_1", amount = 5 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(answer.RootElement.GetProperty("received").GetBoolean());
        var request = Assert.Single(Log.Requests("recorded"));
        Assert.Equal(request.Id, answer.RootElement.GetProperty("id").GetString());
        Assert.Equal(("POST", "/receiver/recorded?source=test", """{"id":"ord_1","amount":5}"""), (request.Method, request.PathAndQuery, request.Body));
        Assert.Contains(request.Headers, h => h.Key == "Content-Type" && h.Value.StartsWith("application/json", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task OtherWrites_AreRecordedToo(string method)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/receiver/by-{method.ToLowerInvariant()}")
        {
            Content = new StringContent("plain text"),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(method, Assert.Single(Log.Requests($"by-{method.ToLowerInvariant()}")).Method);
    }

    [Fact]
    public async Task Post_AnswersTheAskedStatusWithRetryAfter()
    {
        using var response = await client.PostAsync("/receiver/unavailable?status=503&retryAfter=7", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType); // the receiver's own answer, not an error page
    }

    [Fact]
    public async Task Post_FailsTheFirstCallsAndThenSucceeds_WhenFailIsGiven()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsync("/receiver/flaky?fail=2", new StringContent("{}"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task Post_WaitsBeforeAnswering_WhenADelayIsGiven()
    {
        var clock = Stopwatch.StartNew();

        using var response = await client.PostAsync("/receiver/slow?delay=300", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(250), $"answered after {clock.Elapsed}");
    }

    [Theory]
    [InlineData("/receiver/Not_A_Bucket", "bucket")]
    [InlineData("/receiver", "bucket")]
    [InlineData("/receiver/fine?status=700", "status")]
    public async Task Post_AnswersAProblemNamingTheParameter_WhenTheBucketOrQueryIsInvalid(string url, string parameter)
    {
        using var response = await client.PostAsync(url, new StringContent("{}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Delete_AnswersAProblem_NotTheHtmlErrorPage()
    {
        using var response = await client.DeleteAsync("/receiver/anything");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
