using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Hooks;
using WebhookPortal.Core.Listeners;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core;

public static class WebhookCoreServiceCollectionExtensions
{
    /// <summary>Registers the domain services, the database and its start-up migration.</summary>
    /// <param name="builder">The host being built.</param>
    /// <param name="hooks">Declares the application's entity-change hooks (<see cref="HookRegistry.OnEntity{TEntity}"/>);
    /// they are copied into the hooks table at start-up.</param>
    public static IHostApplicationBuilder AddWebhookCore(this IHostApplicationBuilder builder, Action<HookRegistry>? hooks = null)
    {
        var services = builder.Services;
        var registry = new HookRegistry();
        hooks?.Invoke(registry);
        services.AddSingleton(registry);
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ListenerOptions>().BindConfiguration(ListenerOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => PortalDatabaseLocation.Resolve(
            provider.GetRequiredService<IConfiguration>().GetConnectionString(PortalDatabaseLocation.ConnectionStringName),
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton(provider =>
            new SqliteConnectionSetup(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddPooledDbContextFactory<PortalDbContext>((provider, options) => options
            .UseSqlite(provider.GetRequiredService<PortalDatabaseLocation>().ConnectionString)
            .AddInterceptors(provider.GetRequiredService<SqliteConnectionSetup>()));

        // First among the hosted services: the schema exists before anything reads it.
        services.AddSingleton<DatabaseInitializer>();
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseInitializer>());
        services.AddSingleton<DatabaseProbe>();
        services.AddSingleton<HookCatalog>();
        services.AddSingleton<HookService>();
        services.AddSingleton<ListenerFilterCache>();
        services.AddSingleton<ListenerService>();
        services.AddSingleton<FilterPreview>();
        return builder;
    }
}
