using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WebhookPortal.Core;

namespace WebhookPortal.Bench;

/// <summary>Core in a generic host on a fresh SQLite file in a temporary folder, removed afterwards.</summary>
internal sealed class BenchDatabase : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "webhookportal-bench", Guid.NewGuid().ToString("N"));

    /// <param name="settings">Settings beyond the file and no demo data.</param>
    public BenchDatabase(params (string Key, string Value)[] settings)
    {
        Directory.CreateDirectory(folder);
        FilePath = Path.Combine(folder, "portal.db");
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Portal"] = $"Data Source={FilePath}",
            ["Portal:SeedDemoData"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddWebhookCore();
        Host = builder.Build();
        Host.StartAsync().GetAwaiter().GetResult();
    }

    public IHost Host { get; }

    public string FilePath { get; }

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>A plain connection for bulk set-up, bypassing the services.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={FilePath}");
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        Host.StopAsync().GetAwaiter().GetResult();
        Host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
