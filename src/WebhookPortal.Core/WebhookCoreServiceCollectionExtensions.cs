using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Hooks;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core;

public static class WebhookCoreServiceCollectionExtensions
{
    /// <summary>Registers the domain services, the database and its start-up migration.</summary>
    public static IHostApplicationBuilder AddWebhookCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName)
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
        return builder;
    }
}
