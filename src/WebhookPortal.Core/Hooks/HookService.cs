using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Audit;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Hooks;

/// <summary>
/// Creates, changes and deletes the hooks defined in the portal or through the API (source
/// <see cref="HookSource.Api"/>). Hooks registered in code belong to the code and are refused here.
/// The portal pages and the REST API both go through it. Changes are for admins, whichever door they come
/// through, and every change writes its audit row in the same transaction.
/// </summary>
public sealed class HookService(
    IDbContextFactory<PortalDbContext> contextFactory,
    HookDirectory directory,
    HookRegistry registry,
    TimeProvider clock,
    ILogger<HookService> logger)
{
    private const int SqliteConstraint = 19;
    private const int SqliteUniqueConstraint = 2067;
    private const int SqliteForeignKeyConstraint = 787;

    public async Task<ServiceResult<Hook>> CreateAsync(Actor actor, HookDefinition definition, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return OnlyAdmins();
        }

        var errors = new FieldErrors();
        if (HookRules.Check(definition, errors) is not { } valid)
        {
            return ServiceError.Invalid("The hook is not valid", errors.ToDictionary());
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Hooks.AnyAsync(h => h.Name == valid.Name, cancellationToken))
        {
            return HookErrors.NameTaken(valid.Name);
        }

        var now = clock.GetUtcNow();
        var hook = new Hook { Name = valid.Name, Source = HookSource.Api, CreatedAt = now };
        Apply(hook, valid, now);
        db.Hooks.Add(hook);
        AuditTrail.Add(db, actor, now, AuditActions.HookCreated, "hook", hook.Name, $"Hook {hook.Name} created",
            after: AuditSnapshots.Of(hook));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (IsConstraint(e, SqliteUniqueConstraint))
        {
            return HookErrors.NameTaken(valid.Name); // created by someone else since the check above
        }

        logger.LogInformation("Hook {HookName} was defined in the portal", hook.Name);
        return ServiceResult<Hook>.Ok(hook);
    }

    /// <summary>Replaces the description, provided fields and sample of a portal-defined hook; its name stays.</summary>
    public async Task<ServiceResult<Hook>> UpdateAsync(Actor actor, string name, HookDefinition definition, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return OnlyAdmins();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hook = await db.Hooks.SingleOrDefaultAsync(h => h.Name == name, cancellationToken);
        if (hook is null)
        {
            return HookErrors.NotFound(name);
        }

        if (hook.Source == HookSource.EntityChange)
        {
            return HookErrors.DefinedInCode(hook, registry.IsRegistered(hook.Name));
        }

        var errors = new FieldErrors();
        if (!string.IsNullOrWhiteSpace(definition.Name) && definition.Name.Trim() != hook.Name)
        {
            errors.Add("name", $"The name of a hook cannot change: listeners and API callers refer to it as '{hook.Name}'. " +
                               "To use another name, create a new hook and move the listeners to it.");
        }

        if (HookRules.Check(definition with { Name = hook.Name }, errors) is not { } valid || errors.Any)
        {
            return ServiceError.Invalid("The hook is not valid", errors.ToDictionary());
        }

        var now = clock.GetUtcNow();
        var before = AuditSnapshots.Of(hook);
        Apply(hook, valid, now);
        AuditTrail.Add(db, actor, now, AuditActions.HookUpdated, "hook", hook.Name, $"Hook {hook.Name} changed",
            before, AuditSnapshots.Of(hook));
        await db.SaveChangesAsync(cancellationToken);
        directory.Forget(hook.Name);
        logger.LogInformation("Hook {HookName} was changed in the portal", hook.Name);
        return ServiceResult<Hook>.Ok(hook);
    }

    /// <summary>
    /// Deletes a portal-defined hook that no listener uses, or a hook whose registration was removed from the
    /// code; returns the deleted hook.
    /// </summary>
    public async Task<ServiceResult<Hook>> DeleteAsync(Actor actor, string name, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return OnlyAdmins();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hook = await db.Hooks.SingleOrDefaultAsync(h => h.Name == name, cancellationToken);
        if (hook is null)
        {
            return HookErrors.NotFound(name);
        }

        if (hook.Source == HookSource.EntityChange && registry.IsRegistered(hook.Name))
        {
            return HookErrors.DefinedInCode(hook, registry.IsRegistered(hook.Name));
        }

        var listeners = await db.Listeners.CountAsync(l => l.HookId == hook.Id, cancellationToken);
        if (listeners > 0)
        {
            return HookErrors.InUse(hook.Name, listeners);
        }

        var sources = await db.InboundSources.Where(s => s.HookId == hook.Id).OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(cancellationToken);
        if (sources.Count > 0)
        {
            return HookErrors.TargetOfSources(hook.Name, sources);
        }

        var events = await db.Events.CountAsync(e => e.HookId == hook.Id, cancellationToken);
        if (events > 0)
        {
            return HookErrors.HasHistory(hook.Name, events);
        }

        // Listeners deleted earlier stay as hidden rows for the delivery log; with no events they have none.
        var deletedListeners = await db.Listeners.IgnoreQueryFilters().Where(l => l.HookId == hook.Id).ToListAsync(cancellationToken);
        db.Listeners.RemoveRange(deletedListeners);
        db.Hooks.Remove(hook);
        AuditTrail.Add(db, actor, clock.GetUtcNow(), AuditActions.HookDeleted, "hook", hook.Name, $"Hook {hook.Name} deleted",
            before: AuditSnapshots.Of(hook));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (IsConstraint(e, SqliteForeignKeyConstraint))
        {
            return HookErrors.InUse(hook.Name, null); // a listener was added since the count above
        }

        directory.Forget(hook.Name);
        logger.LogInformation("Hook {HookName} was deleted", hook.Name);
        return ServiceResult<Hook>.Ok(hook);
    }

    private static ServiceError OnlyAdmins() => ServiceError.Forbidden("Only admins change the hook catalogue.");

    private static void Apply(Hook hook, CheckedHook valid, DateTimeOffset now)
    {
        hook.Description = valid.Description;
        hook.ProvidedFields = valid.ProvidedFields;
        hook.SamplePayload = valid.SamplePayload;
        hook.UpdatedAt = now;
    }

    private static bool IsConstraint(DbUpdateException e, int extendedCode) =>
        e.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint } sqlite && sqlite.SqliteExtendedErrorCode == extendedCode;
}
