using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests;

/// <summary>docs/configuration.md documents every key of the appsettings.json users edit, and what the shipped file sets holds.</summary>
public sealed class ConfigurationDocsTests
{
    [Fact]
    public void ConfigurationDoc_NamesEveryKeyOfAppsettings_WithItsDefault()
    {
        var root = RepositoryRoot();
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "appsettings.json")));
        var doc = File.ReadAllText(Path.Combine(root, "docs", "configuration.md"));
        var rows = doc.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();

        var undocumented = Keys(settings.RootElement, "")
            .Where(key => !rows.Any(row => Documents(row, key)))
            .ToList();

        Assert.True(undocumented.Count == 0,
            "These keys of appsettings.json have no row (| `Key` | default | effect |) in docs/configuration.md: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void ShippedSettings_ShowLogScopesOnTheConsole()
    {
        using var app = new PortalAppFactory();

        var console = app.Services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue;

        Assert.True(console.IncludeScopes);
        Assert.True(console.UseUtcTimestamp);
    }

    /// <summary>The leaf keys (an array is one key), in configuration form: <c>Delivery:RetrySchedule</c>.</summary>
    private static IEnumerable<string> Keys(JsonElement element, string prefix) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().SelectMany(p => Keys(p.Value, prefix.Length == 0 ? p.Name : $"{prefix}:{p.Name}"))
            : [prefix];

    /// <summary>A table row whose first cell names the key, or a wildcard over it (<c>Logging:LogLevel:*</c>), and which has a default and an effect.</summary>
    private static bool Documents(string row, string key)
    {
        var cells = row.Split('|', StringSplitOptions.TrimEntries).Where(c => c.Length > 0).ToList();
        if (cells.Count < 3 || cells[1].Length == 0 || cells[2].Length == 0)
        {
            return false;
        }

        var named = cells[0].Trim('`');
        return named == key || (named.EndsWith(":*", StringComparison.Ordinal) && key.StartsWith(named[..^1], StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "WebhookPortal.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No WebhookPortal.sln above {AppContext.BaseDirectory}.");
    }
}
