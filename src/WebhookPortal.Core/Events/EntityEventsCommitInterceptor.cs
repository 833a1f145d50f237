using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Observability;

namespace WebhookPortal.Core.Events;

/// <summary>
/// Tells the rest of the portal about what the entity-change hooks stored (the <see cref="EntityEventLog"/>, the
/// published-events metric, the dispatcher's wake-up) only when the transaction holding it commits: events a
/// rolled-back transaction took with it are never reported. A transaction committed or rolled back on the raw
/// connection, past EF Core, reports nothing; its deliveries are still found by the dispatcher's regular poll.
/// </summary>
internal sealed class EntityEventsCommitInterceptor(IServiceProvider services) : DbTransactionInterceptor
{
    // What each open transaction stored so far, save after save; gone with the transaction.
    private readonly ConditionalWeakTable<DbTransaction, Stored> awaiting = new();

    /// <summary>Holds what a save stored inside <paramref name="transaction"/> until that transaction ends.</summary>
    public void Hold(DbTransaction transaction, DbContext context, IReadOnlyList<EntityEventPublished> published)
    {
        var stored = awaiting.GetValue(transaction, _ => new Stored(context));
        lock (stored)
        {
            stored.Events.AddRange(published);
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Report(transaction);

    public override Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Report(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        awaiting.Remove(transaction);

    public override Task TransactionRolledBackAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ForgetAsync(transaction);

    // A commit that failed stored nothing; a rollback that failed leaves nothing worth reporting either.
    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        awaiting.Remove(transaction);

    public override Task TransactionFailedAsync(
        DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        ForgetAsync(transaction);

    private Task ForgetAsync(DbTransaction transaction)
    {
        awaiting.Remove(transaction);
        return Task.CompletedTask;
    }

    private void Report(DbTransaction transaction)
    {
        if (!awaiting.TryGetValue(transaction, out var stored) || !awaiting.Remove(transaction))
        {
            return;
        }

        List<EntityEventPublished> published;
        lock (stored)
        {
            published = [.. stored.Events];
        }

        services.GetRequiredService<EntityEventLog>().Record(stored.Context, published);
        var metrics = services.GetRequiredService<PortalMetrics>();
        published.ForEach(p => metrics.EventPublished(p.Deliveries));
        if (published.Sum(p => p.Deliveries) > 0)
        {
            services.GetRequiredService<DeliverySignal>().Notify();
        }
    }

    private sealed class Stored(DbContext context)
    {
        public DbContext Context { get; } = context;

        public List<EntityEventPublished> Events { get; } = [];
    }
}
