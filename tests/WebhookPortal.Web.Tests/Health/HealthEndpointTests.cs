using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Health_AnswersOkWithTheDatabaseCheck_WhenTheDatabaseIsThere()
    {
        using var app = new PortalAppFactory();

        var response = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var check = Assert.Single(body.RootElement.GetProperty("checks").EnumerateArray());
        Assert.Equal("database", check.GetProperty("name").GetString());
        Assert.StartsWith("Schema 2", check.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Health_AnswersServiceUnavailable_WhenTheDatabaseFileIsGone()
    {
        using var app = new PortalAppFactory();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { "", "-wal", "-shm" })
        {
            File.Delete(app.DatabasePath + file);
        }

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.Contains("cannot be read", body.RootElement.GetProperty("checks")[0].GetProperty("description").GetString());
        Assert.False(File.Exists(app.DatabasePath), "the health check must not create an empty database");
    }
}
