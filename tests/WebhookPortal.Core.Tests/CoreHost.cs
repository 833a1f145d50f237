using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WebhookPortal.Core;
using WebhookPortal.Core.Egress;
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
        TempFolder folder, TimeProvider clock, Action<HookRegistry>? hooks, params (string Key, string? Value)[] settings) =>
        Build(folder, clock, hooks, services: null, settings);

    /// <summary>The same, with services of the host application's own (such as delivery observers).</summary>
    public static IHost Build(
        TempFolder folder, TimeProvider clock, Action<HookRegistry>? hooks, Action<IServiceCollection>? services,
        params (string Key, string? Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = folder.Path,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        // The dispatcher sends only in the tests of the engine, which switch it on and target 127.0.0.1.
        var values = new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = "Data Source=portal.db", ["Delivery:Enabled"] = "false" };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddSingleton(clock);
        // Before AddWebhookCore, whose resolver gives way: no test asks a real name server.
        var resolver = new StubHostResolver();
        builder.Services.AddSingleton(resolver);
        builder.Services.AddSingleton<IHostResolver>(resolver);
        services?.Invoke(builder.Services);
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
