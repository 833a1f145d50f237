using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace WebhookPortal.TestSupport;

/// <summary>
/// The real application in memory (<see cref="WebApplicationFactory{TEntryPoint}"/>) on its own
/// SQLite file in a temporary folder, with a known admin API key.
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789abcdef0123456789";
    private readonly TempFolder folder = new();
    private readonly Dictionary<string, string?> settings = new();

    public PortalAppFactory()
    {
        DatabasePath = folder.File("portal.db");
        settings["ConnectionStrings:Portal"] = $"Data Source={DatabasePath}";
        settings["Api:AdminKey"] = AdminKey;
    }

    public string DatabasePath { get; }

    public string FolderPath => folder.Path;

    public string Environment { get; init; } = "Development";

    /// <summary>Overrides a setting (a key of appsettings.json) before the app starts; null removes it.</summary>
    public PortalAppFactory With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    /// <summary>A client that sends the admin key as a bearer token.</summary>
    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            folder.Dispose();
        }
    }
}
