using System.Text.Json;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Audit;

/// <summary>
/// Adds audit rows to the context of the change they describe, so both commit or neither does. Snapshots
/// are objects built for the trail (see <see cref="AuditSnapshots"/>), never entities: a secret cannot slip in.
/// </summary>
public static class AuditTrail
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static void Add(
        PortalDbContext db, Actor actor, DateTimeOffset at, string action, string targetType, string? targetId, string summary,
        object? before = null, object? after = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = at,
            ActorAccountId = actor.AccountId,
            ActorName = actor.Name,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            Summary = summary,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
}
