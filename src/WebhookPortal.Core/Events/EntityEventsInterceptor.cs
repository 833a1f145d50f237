using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Core.Hooks;

namespace WebhookPortal.Core.Events;

/// <summary>
/// The .NET counterpart of model signals (<c>post_save</c>, <c>post_delete</c>): when <c>SaveChanges</c>
/// adds, modifies or deletes an entity that a hook registered in code watches, the hook's event is
/// stored in the same transaction as the change. Without a transaction of the caller's, one is opened
/// around the save; inside the caller's, a rollback takes the events with it. They are reported (the
/// <see cref="EntityEventLog"/>, the metrics, the dispatcher's wake-up) only when that transaction commits,
/// by <see cref="EntityEventsCommitInterceptor"/>.
/// </summary>
internal sealed class EntityEventsInterceptor(HookRegistry registry, EntityEventsCommitInterceptor commits, IServiceProvider services)
    : SaveChangesInterceptor
{
    // What each context is in the middle of saving; gone with the context.
    private readonly ConditionalWeakTable<DbContext, PendingSave> pending = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context)
        {
            return result;
        }

        services.GetRequiredService<EntityEventLog>().Clear(context);
        if (Collect(context) is { Count: > 0 } changes)
        {
            var owned = context.Database.CurrentTransaction is null
                ? await context.Database.BeginTransactionAsync(cancellationToken)
                : null;
            pending.AddOrUpdate(context, new PendingSave(changes, owned));
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context || !pending.TryGetValue(context, out var save))
        {
            return result;
        }

        pending.Remove(context);
        try
        {
            var published = await PublishAsync(context, save.Changes, cancellationToken);
            commits.Hold(context.Database.CurrentTransaction!.GetDbTransaction(), context, published);
            if (save.Owned is { } transaction)
            {
                await transaction.CommitAsync(cancellationToken);
                await transaction.DisposeAsync();
            }
        }
        catch
        {
            if (save.Owned is { } transaction)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                await transaction.DisposeAsync();
            }

            throw;
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && pending.TryGetValue(context, out var save))
        {
            pending.Remove(context);
            if (save.Owned is { } transaction)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                await transaction.DisposeAsync();
            }
        }
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    private List<EntityChange> Collect(DbContext context)
    {
        var changes = new List<EntityChange>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            var kind = entry.State switch
            {
                EntityState.Added or EntityState.Modified => EntityChangeKind.Saved,
                EntityState.Deleted => EntityChangeKind.Deleted,
                _ => (EntityChangeKind?)null,
            };
            var hooks = kind is null ? [] : registry.For(entry.Metadata.ClrType, kind.Value);
            if (hooks.Count > 0)
            {
                // A deleted entity is described as it was; a saved one after the save, when its key exists.
                changes.Add(new EntityChange(entry.Entity, hooks, entry.Metadata.ClrType.Name,
                    kind == EntityChangeKind.Deleted ? EntityPayload.From(entry, original: true) : null));
            }
        }

        return changes;
    }

    private async Task<List<EntityEventPublished>> PublishAsync(DbContext context, List<EntityChange> changes, CancellationToken cancellationToken)
    {
        var publisher = services.GetRequiredService<EventPublisher>();
        var connection = context.Database.GetDbConnection();
        var transaction = context.Database.CurrentTransaction!.GetDbTransaction();
        var published = new List<EntityEventPublished>();
        foreach (var change in changes)
        {
            var entry = context.Entry(change.Entity);
            var payload = change.PayloadBeforeDelete ?? EntityPayload.From(entry, original: false);
            foreach (var hook in change.Hooks)
            {
                var hookId = await HookIds.FindAsync(connection, transaction, hook.Name, cancellationToken);
                if (hookId is null)
                {
                    continue; // not synced into the table (the portal was not started with this registration)
                }

                var stored = await publisher.PublishInTransactionAsync(connection, transaction, hookId.Value,
                    hook.ProvidedFields, payload, EventOrigin.Entity, $"{change.EntityName} {EntityPayload.Key(entry)}", cancellationToken);
                published.Add(new EntityEventPublished(stored.EventId, hook.Name, stored.Deliveries));
            }
        }

        return published;
    }

    private sealed record PendingSave(List<EntityChange> Changes, IDbContextTransaction? Owned);
}
