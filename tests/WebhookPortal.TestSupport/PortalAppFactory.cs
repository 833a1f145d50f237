using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WebhookPortal.Core.Egress;

namespace WebhookPortal.TestSupport;

/// <summary>
/// The real application in memory (<see cref="WebApplicationFactory{TEntryPoint}"/>) on its own
/// SQLite file in a temporary folder, with a known admin API key.
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789abcdef0123456789";
    public const string AdminEmail = "admin@example.com";
    public const string AdminPassword = "test-admin-password-0123";
    private readonly TempFolder folder = new();
    private readonly Dictionary<string, string?> settings = new();

    public PortalAppFactory()
    {
        DatabasePath = folder.File("portal.db");
        settings["ConnectionStrings:Portal"] = $"Data Source={DatabasePath}";
        settings["Api:AdminKey"] = AdminKey;
        settings["Portal:BootstrapAdmin:Email"] = AdminEmail;
        settings["Portal:BootstrapAdmin:Password"] = AdminPassword;
        // Tests that exercise the delivery engine switch it on (With("Delivery:Enabled", "true")).
        settings["Delivery:Enabled"] = "false";
        // The in-memory app listens nowhere: the demo listeners point at a port where nothing answers, never at
        // a portal that may be running on this machine's localhost:5000.
        settings["Portal:BaseUrl"] = "http://127.0.0.1:9";
    }

    public string DatabasePath { get; }

    public string FolderPath => folder.Path;

    /// <summary>What host names resolve to in this app: no test asks a real name server.</summary>
    public StubHostResolver Resolver { get; } = new();

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

    /// <summary>A browser-like client (it keeps cookies) signed in through the real sign-in form; the first admin by default.</summary>
    public async Task<HttpClient> CreateSignedInClientAsync(string email = AdminEmail, string password = AdminPassword)
    {
        var client = CreateClient();
        var response = await SignInForm.PostAsync(client, email, password);
        if (!response.RequestMessage!.RequestUri!.AbsolutePath.Equals("/sign-in", StringComparison.Ordinal))
        {
            return client;
        }

        throw new InvalidOperationException($"Signing in as {email} failed: the sign-in page answered again.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<IHostResolver>(Resolver)));
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
