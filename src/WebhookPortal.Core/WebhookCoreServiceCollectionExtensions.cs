using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Identity;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Audit;
using WebhookPortal.Core.Backups;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Demo;
using WebhookPortal.Core.Egress;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Hooks;
using WebhookPortal.Core.Inbound;
using WebhookPortal.Core.Listeners;
using WebhookPortal.Core.Observability;
using WebhookPortal.Core.Persistence;
using WebhookPortal.Core.Receiver;
using WebhookPortal.Core.Retention;

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
            .PostConfigure<IConfiguration>((options, configuration) => options.BaseUrl = PortalBaseUrl.Resolve(
                options.BaseUrl, configuration[PortalBaseUrl.UrlsKey], configuration[PortalBaseUrl.HttpPortsKey]))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ListenerOptions>().BindConfiguration(ListenerOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EventOptions>().BindConfiguration(EventOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<InboundOptions>().BindConfiguration(InboundOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(ServerAddresses.None); // the web host replaces it with its server's
        services.AddSingleton(provider => PortalDatabaseLocation.Resolve(
            provider.GetRequiredService<IConfiguration>().GetConnectionString(PortalDatabaseLocation.ConnectionStringName),
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton(provider =>
            new SqliteConnectionSetup(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddSingleton<EntityEventLog>();
        services.AddSingleton(provider => new EntityEventsCommitInterceptor(provider));
        services.AddSingleton(provider => new EntityEventsInterceptor(
            provider.GetRequiredService<HookRegistry>(), provider.GetRequiredService<EntityEventsCommitInterceptor>(), provider));
        services.AddPooledDbContextFactory<PortalDbContext>((provider, options) => options
            .UseSqlite(provider.GetRequiredService<PortalDatabaseLocation>().ConnectionString)
            .AddInterceptors(provider.GetRequiredService<SqliteConnectionSetup>(), provider.GetRequiredService<EntityEventsInterceptor>(),
                provider.GetRequiredService<EntityEventsCommitInterceptor>())
            // Deliveries deliberately outlive their listener's soft delete; queries that need them say IgnoreQueryFilters.
            .ConfigureWarnings(warnings => warnings.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning)));

        // First among the hosted services: the schema exists before anything reads it.
        services.AddSingleton<DatabaseInitializer>();
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseInitializer>());
        services.AddSingleton<DatabaseProbe>();
        services.AddSingleton<HookCatalog>();
        services.AddSingleton<HookDirectory>();
        services.AddSingleton<HookService>();
        services.AddSingleton<EgressPolicy>();
        services.TryAddSingleton<IHostResolver, DnsHostResolver>(); // tests put a stub first
        services.AddSingleton<EgressConnector>();
        services.AddSingleton<EgressCheck>();
        services.AddSingleton<ListenerFilterCache>();
        services.AddSingleton<ListenerService>();
        services.AddSingleton<HeldDeliveryCounts>();
        services.AddSingleton<FilterPreview>();
        services.AddSingleton<ListenerDirectory>();
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<WriteGate>();
        services.AddSingleton<DeliveryQueue>();
        services.AddSingleton<PayloadCache>();
        services.AddSingleton<ListenerEndpointCache>();
        services.AddSingleton<DeliveryWorkLoader>();
        services.AddSingleton<DeliverySender>();
        services.AddSingleton<AttemptRecorder>();
        services.AddSingleton<DeliveryNotifier>();
        // Every delivery connects through the egress check: the address checked is the address connected to.
        services.TryAddSingleton(provider => new DeliveryHttpClient(
            provider.GetRequiredService<IOptions<DeliveryOptions>>(), provider.GetRequiredService<EgressConnector>().ConnectAsync));
        services.AddHostedService<DeliveryDispatcher>();
        services.AddSingleton<DeliveryActivity>();
        services.AddSingleton<IDeliveryObserver>(provider => provider.GetRequiredService<DeliveryActivity>());
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<BulkReplaySignal>();
        services.AddSingleton<ReplayService>();
        services.AddHostedService<BulkReplayWorker>();
        services.AddSingleton<ListenerStatsService>();
        services.AddMetrics();
        services.AddSingleton<QueueGauge>();
        services.AddSingleton<PortalMetrics>();
        services.AddSingleton<MetricsCollector>();
        services.AddSingleton<DashboardService>();
        services.AddSingleton<DatabaseBackup>();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(provider => provider.GetRequiredService<RetentionJob>());

        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<AdminBootstrap>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<CustomerLinkService>();
        services.AddSingleton<AuditLog>();

        services.AddSingleton<OutboxCommitter>();
        services.AddSingleton<EventPublisher>();
        services.AddSingleton<EventService>();
        services.AddSingleton<TestEventSender>();
        services.AddSingleton<InboundSourceService>();
        services.AddSingleton<InboundReceiver>();
        services.AddSingleton<PersonService>();
        services.AddSingleton<ReceiverLog>();
        services.AddSingleton<ReceiverSignatures>();
        services.AddSingleton<BucketReceiver>();
        return builder;
    }
}
