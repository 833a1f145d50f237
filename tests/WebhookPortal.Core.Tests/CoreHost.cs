using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WebhookPortal.Core;
using WebhookPortal.Core.Hooks;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests;

/// <summary>Core on its own in a generic host, on a SQLite file in a temporary folder.</summary>
internal static class CoreHost
{
    public static IHost Build(TempFolder folder, params (string Key, string? Value)[] settings) =>
        Build(folder, TimeProvider.System, settings);

    /// <summary>The same, with the clock every Core service reads time from.</summary>
    public static IHost Build(TempFolder folder, TimeProvider clock, params (string Key, string? Value)[] settings) =>
        Build(folder, clock, hooks: null, settings);

    /// <summary>The same, with hooks registered in code as a host application does (<c>AddWebhookCore(hooks => …)</c>).</summary>
    public static IHost Build(
        TempFolder folder, TimeProvider clock, Action<HookRegistry>? hooks, params (string Key, string? Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = folder.Path,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        var values = new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = "Data Source=portal.db" };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddSingleton(clock);
        builder.AddWebhookCore(hooks);
        return builder.Build();
    }

    /// <summary>Starts a host and stops it again: one full start-up, as a process would do it.</summary>
    public static async Task StartAndStopAsync(TempFolder folder, params (string Key, string? Value)[] settings)
    {
        using var host = Build(folder, settings);
        await host.StartAsync();
        await host.StopAsync();
    }
}
