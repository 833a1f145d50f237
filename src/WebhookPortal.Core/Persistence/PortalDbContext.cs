using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Audit;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Demo;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Hooks;
using WebhookPortal.Core.Inbound;
using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Core.Persistence;

/// <summary>The portal's one database: the catalogue, and later listeners, events and the delivery queue.</summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options)
{
    public DbSet<Hook> Hooks => Set<Hook>();

    public DbSet<Listener> Listeners => Set<Listener>();

    public DbSet<Event> Events => Set<Event>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<DeliveryAttempt> DeliveryAttempts => Set<DeliveryAttempt>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<InboundSource> InboundSources => Set<InboundSource>();

    public DbSet<InboundRejection> InboundRejections => Set<InboundRejection>();

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<PortalKey> PortalKeys => Set<PortalKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ReplayJob> ReplayJobs => Set<ReplayJob>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are stored as Unix milliseconds (INTEGER): they sort and compare in SQL, in SQLite
        // today and in PostgreSQL later, which DateTimeOffset text cannot.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
    }
}
