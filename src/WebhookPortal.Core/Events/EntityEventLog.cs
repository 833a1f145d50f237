using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace WebhookPortal.Core.Events;

/// <summary>
/// What the last <c>SaveChanges</c> of a context published through the entity-change hooks, for code that
/// wants to say so ("the event was published: evt_…"). Recorded when the transaction holding the events commits
/// (at the end of the save, unless the caller opened its own; then at the caller's commit, with every save's events
/// in it), never for a transaction that rolled back. Cleared at the start of every save, so a pooled context never
/// shows another save's events.
/// </summary>
public sealed class EntityEventLog
{
    private readonly ConditionalWeakTable<DbContext, IReadOnlyList<EntityEventPublished>> lastSave = new();

    /// <summary>The events the context's last save stored, in the order of its changes; empty when none.</summary>
    public IReadOnlyList<EntityEventPublished> LastSaveOf(DbContext context) =>
        lastSave.TryGetValue(context, out var published) ? published : [];

    internal void Clear(DbContext context) => lastSave.Remove(context);

    internal void Record(DbContext context, IReadOnlyList<EntityEventPublished> published) =>
        lastSave.AddOrUpdate(context, published);
}
