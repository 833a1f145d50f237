using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Audit;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Egress;
using WebhookPortal.Core.Hooks;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Listeners;

/// <summary>
/// Creates, changes and removes listeners; the portal's pages and the REST API both go through it. Reads are
/// scoped to the actor (a customer sees only its own listeners; another's is "not found"), changes are for
/// admins, and every change writes its audit row in the same transaction.
/// </summary>
public sealed class ListenerService(
    IDbContextFactory<PortalDbContext> contextFactory,
    IOptions<ListenerOptions> options,
    ListenerFilterCache filterCache,
    ListenerDirectory directory,
    ListenerEndpointCache endpoints,
    DeliverySignal signal,
    EgressCheck egress,
    TimeProvider clock,
    ILogger<ListenerService> logger)
{
    public async Task<PagedResult<ListenerSummary>> ListAsync(Actor actor, ListenerQuery query, CancellationToken cancellationToken)
    {
        // A customer asking for another owner's listeners asks for something it cannot see: nothing matches.
        if (actor.OnlyOwner is { } owner && query.OwnerAccountId is { } asked && asked != owner)
        {
            return new PagedResult<ListenerSummary>([], 0);
        }

        return await ListenerListing.ListAsync(contextFactory, actor.OnlyOwner is { } only ? query with { OwnerAccountId = only } : query, cancellationToken);
    }

    public async Task<Listener?> FindAsync(Actor actor, string id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var listener = await db.Listeners.AsNoTracking().Include(l => l.Hook).Include(l => l.Owner)
            .SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        return listener is not null && actor.Sees(listener.OwnerAccountId) ? listener : null;
    }

    /// <summary>How many deliveries wait, held, for the listener to be enabled again.</summary>
    public async Task<int> CountHeldAsync(Actor actor, string id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await VisibleAsync(db, actor, id, cancellationToken) ? await ListenerDeliveries.CountHeldAsync(db, id, cancellationToken) : 0;
    }

    /// <summary>
    /// The signing secret in full, for an admin or for a customer account an admin allowed to see its secrets.
    /// Every reveal is audited.
    /// </summary>
    public async Task<ServiceResult<string>> RevealSecretAsync(Actor actor, string id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var listener = await db.Listeners.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listener is null || !actor.Sees(listener.OwnerAccountId))
        {
            return NotFound(id);
        }

        var allowed = actor.IsAdmin || (actor.Role == AccountRole.Customer &&
            await db.Accounts.AnyAsync(a => a.Id == actor.AccountId && a.MaySeeSecrets, cancellationToken));
        if (!allowed)
        {
            return ServiceError.Forbidden(actor.Role == AccountRole.Customer
                ? "Your account may not see signing secrets. Ask an admin to allow it."
                : "Only admins see signing secrets.");
        }

        AuditTrail.Add(db, actor, clock.GetUtcNow(), AuditActions.SecretRevealed, "listener", id, $"Signing secret of listener {id} revealed");
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<string>.Ok(listener.Secret);
    }

    /// <summary>Checks input without saving anything: the refusal a create or update would give, or null.</summary>
    public async Task<ServiceError?> ValidateAsync(ListenerInput input, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return (await CheckAsync(db, input, cancellationToken)).Error;
    }

    public async Task<ServiceResult<CreatedListener>> CreateAsync(Actor actor, ListenerInput input, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return OnlyAdmins();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (hook, error) = await CheckAsync(db, input, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var now = clock.GetUtcNow();
        var listener = new Listener
        {
            Id = SortableId.New(Listener.IdPrefix, now),
            HookId = hook!.Id,
            Url = ListenerRules.Normalize(input.Url!),
            Secret = ListenerSecret.Generate(),
            CreatedAt = now,
            Version = 1,
        };
        Apply(listener, input, now);
        db.Listeners.Add(listener);
        AuditTrail.Add(db, actor, now, AuditActions.ListenerCreated, "listener", listener.Id,
            $"Listener {listener.Id} created for {hook.Name}", after: AuditSnapshots.Of(listener, hook.Name));
        await db.SaveChangesAsync(cancellationToken);
        directory.Invalidate(hook.Id);
        listener.Hook = hook;
        logger.LogInformation("Listener {ListenerId} created for hook {Hook}", listener.Id, hook.Name);
        var warnings = await WarningsAsync(listener.Url, cancellationToken);
        return ServiceResult<CreatedListener>.Ok(new CreatedListener(listener, listener.Secret) { Warnings = warnings }, warnings);
    }

    public async Task<ServiceResult<Listener>> UpdateAsync(Actor actor, string id, ListenerInput input, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var listener = await db.Listeners.SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listener is null || !actor.Sees(listener.OwnerAccountId))
        {
            return NotFound(id);
        }

        if (!actor.IsAdmin)
        {
            return OnlyAdmins();
        }

        if (input.ExpectedVersion is { } expected && expected != listener.Version)
        {
            return ChangedMeanwhile(listener.Version);
        }

        var (hook, error) = await CheckAsync(db, input, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (previousHookId, wasEnabled) = (listener.HookId, listener.Enabled);
        var previousHookName = await db.Hooks.Where(h => h.Id == listener.HookId).Select(h => h.Name).SingleAsync(cancellationToken);
        var before = AuditSnapshots.Of(listener, previousHookName);
        listener.HookId = hook!.Id;
        listener.Url = ListenerRules.Normalize(input.Url!);
        if (input.Enabled && !listener.Enabled)
        {
            Reenable(listener);
        }

        Apply(listener, input, clock.GetUtcNow());
        var saved = await SaveChangeAsync(db, listener, "updated", wasEnabled, HeldDeliveries.Send, cancellationToken,
            () => AuditTrail.Add(db, actor, clock.GetUtcNow(), AuditActions.ListenerUpdated, "listener", id,
                $"Listener {id} changed", before, AuditSnapshots.Of(listener, hook.Name)));
        directory.Invalidate(previousHookId);
        return saved.Succeeded ? ServiceResult<Listener>.Ok(saved.Value, await WarningsAsync(listener.Url, cancellationToken)) : saved;
    }

    /// <summary>Switches a listener on or off.</summary>
    /// <param name="held">On enabling: send the deliveries held while it was off, or cancel them.</param>
    public async Task<ServiceResult<Listener>> SetEnabledAsync(
        Actor actor, string id, bool enabled, CancellationToken cancellationToken, HeldDeliveries held = HeldDeliveries.Send)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var listener = await db.Listeners.SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listener is null || !actor.Sees(listener.OwnerAccountId))
        {
            return NotFound(id);
        }

        if (!actor.IsAdmin)
        {
            return OnlyAdmins();
        }

        if (listener.Enabled == enabled)
        {
            return ServiceResult<Listener>.Ok(await WithHookAsync(db, listener, cancellationToken));
        }

        var now = clock.GetUtcNow();
        if (enabled)
        {
            Reenable(listener);
        }
        else
        {
            Disable(listener, "Disabled by an admin.", now);
        }

        listener.UpdatedAt = now;
        var heldCount = enabled ? await ListenerDeliveries.CountHeldAsync(db, id, cancellationToken) : 0;
        return await SaveChangeAsync(db, listener, enabled ? "enabled" : "disabled", !enabled, held, cancellationToken,
            () => AuditTrail.Add(db, actor, now, enabled ? AuditActions.ListenerEnabled : AuditActions.ListenerDisabled, "listener", id,
                !enabled ? $"Listener {id} disabled"
                : held == HeldDeliveries.Send ? $"Listener {id} enabled; {heldCount} held deliveries sent"
                : $"Listener {id} enabled; {heldCount} held deliveries cancelled",
                before: new { enabled = !enabled }, after: new { enabled, heldDeliveries = enabled ? held.ToString() : null }));
    }

    public async Task<ServiceResult<RotatedSecret>> RotateSecretAsync(Actor actor, string id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var listener = await db.Listeners.SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listener is null || !actor.Sees(listener.OwnerAccountId))
        {
            return NotFound(id);
        }

        if (!actor.IsAdmin)
        {
            return OnlyAdmins();
        }

        var now = clock.GetUtcNow();
        var overlap = options.Value.SecretRotationOverlap;
        listener.PreviousSecret = overlap > TimeSpan.Zero ? listener.Secret : null;
        listener.PreviousSecretExpiresAt = overlap > TimeSpan.Zero ? now + overlap : null;
        listener.Secret = ListenerSecret.Generate();
        listener.UpdatedAt = now;
        var saved = await SaveChangeAsync(db, listener, "given a new secret", listener.Enabled, HeldDeliveries.Send, cancellationToken,
            () => AuditTrail.Add(db, actor, now, AuditActions.SecretRotated, "listener", id,
                $"Signing secret of listener {id} rotated; the previous one is signed with until {now + overlap:u}"));
        return saved.Succeeded
            ? ServiceResult<RotatedSecret>.Ok(new RotatedSecret(listener.Secret, now + overlap, listener.Version))
            : saved.Error;
    }

    public async Task<ServiceResult<Listener>> DeleteAsync(Actor actor, string id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var listener = await db.Listeners.Include(l => l.Hook).SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listener is null || !actor.Sees(listener.OwnerAccountId))
        {
            return NotFound(id);
        }

        if (!actor.IsAdmin)
        {
            return OnlyAdmins();
        }

        // The row stays (hidden) so the delivery log keeps its history; what was still to be sent is cancelled.
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        listener.DeletedAt = now;
        Disable(listener, "Deleted by an admin.", now);
        listener.Version++;
        AuditTrail.Add(db, actor, now, AuditActions.ListenerDeleted, "listener", id, $"Listener {id} deleted",
            before: AuditSnapshots.Of(listener, listener.Hook.Name));
        await db.SaveChangesAsync(cancellationToken);
        var cancelled = await ListenerDeliveries.CancelAsync(db, id, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        filterCache.Forget(id);
        endpoints.Forget(id);
        directory.Invalidate(listener.HookId);
        logger.LogInformation("Listener {ListenerId} deleted; {CancelledCount} pending deliveries cancelled", id, cancelled);
        return ServiceResult<Listener>.Ok(listener);
    }

    private async Task<(Hook? Hook, ServiceError? Error)> CheckAsync(
        PortalDbContext db, ListenerInput input, CancellationToken cancellationToken)
    {
        Hook? hook = null;
        if (!string.IsNullOrWhiteSpace(input.Hook))
        {
            hook = await db.Hooks.AsNoTracking().SingleOrDefaultAsync(h => h.Name == input.Hook.Trim(), cancellationToken);
            if (hook is null)
            {
                return (null, ServiceError.NotFound("Hook not found",
                    $"No hook is named '{input.Hook}'. GET /api/hooks lists the catalogue."));
            }
        }

        var errors = ListenerInputRules.Check(input, hook, options.Value.RegexTimeout);
        if (input.OwnerAccountId is { } owner &&
            !await db.Accounts.AnyAsync(a => a.Id == owner && a.Role == AccountRole.Customer, cancellationToken))
        {
            errors.Add("ownerAccountId", $"No customer account has the id {owner}. Owners are customer accounts (Accounts page).");
        }

        return errors.Any ? (hook, ServiceError.Invalid("The listener is not valid", errors.ToDictionary())) : (hook, null);
    }

    /// <summary>Whether deliveries to the URL would be refused (egress safety): said at save, never a reason to refuse it.</summary>
    private async Task<IReadOnlyList<string>> WarningsAsync(string url, CancellationToken cancellationToken) =>
        await egress.WarningAsync(url, cancellationToken) is { } warning ? [warning] : [];

    private static void Apply(Listener listener, ListenerInput input, DateTimeOffset now)
    {
        listener.Description = input.Description?.Trim() ?? "";
        listener.OwnerAccountId = input.OwnerAccountId;
        listener.Headers = input.Headers.Select(h => new ListenerHeader(h.Name.Trim(), h.Value)).ToList();
        listener.Filters = input.Filters.ToList();
        listener.UpdatedAt = now;
        if (!input.Enabled && listener.Enabled)
        {
            Disable(listener, "Disabled by an admin.", now);
        }
    }

    private static void Disable(Listener listener, string reason, DateTimeOffset now)
    {
        listener.Enabled = false;
        listener.DisabledReason = reason;
        listener.DisabledAt = now;
    }

    // A listener switched back on starts with a clean record: its old failures led to the pause.
    private static void Reenable(Listener listener)
    {
        listener.Enabled = true;
        listener.DisabledReason = null;
        listener.DisabledAt = null;
        listener.ConsecutiveFailures = 0;
        listener.FailingSince = null;
    }

    /// <summary>
    /// Saves a change, and in the same transaction holds or releases the listener's pending deliveries
    /// when it was switched off or on.
    /// </summary>
    private async Task<ServiceResult<Listener>> SaveChangeAsync(
        PortalDbContext db, Listener listener, string change, bool wasEnabled, HeldDeliveries held, CancellationToken cancellationToken,
        Action audit)
    {
        listener.Version++;
        audit();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            var current = await db.Listeners.AsNoTracking().Where(l => l.Id == listener.Id)
                .Select(l => (int?)l.Version).SingleOrDefaultAsync(cancellationToken);
            return current is null ? NotFound(listener.Id) : ChangedMeanwhile(current.Value);
        }

        if (wasEnabled && !listener.Enabled)
        {
            await ListenerDeliveries.HoldAsync(db, listener.Id, cancellationToken);
        }
        else if (!wasEnabled && listener.Enabled)
        {
            if (held == HeldDeliveries.Send)
            {
                var released = await ListenerDeliveries.ReleaseAsync(db, listener.Id, cancellationToken);
                logger.LogInformation("Listener {ListenerId} enabled again: {ReleasedCount} held deliveries released", listener.Id, released);
            }
            else
            {
                var discarded = await ListenerDeliveries.CancelAsync(db, listener.Id, clock.GetUtcNow(), cancellationToken);
                logger.LogInformation("Listener {ListenerId} enabled again: {CancelledCount} held deliveries cancelled", listener.Id, discarded);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        if (!wasEnabled && listener.Enabled)
        {
            signal.Notify();
        }

        filterCache.Forget(listener.Id);
        endpoints.Forget(listener.Id);
        directory.Invalidate(listener.HookId);
        logger.LogInformation("Listener {ListenerId} {Change}", listener.Id, change);
        return ServiceResult<Listener>.Ok(await WithHookAsync(db, listener, cancellationToken));
    }

    private static async Task<Listener> WithHookAsync(PortalDbContext db, Listener listener, CancellationToken cancellationToken)
    {
        await db.Entry(listener).Reference(l => l.Hook).LoadAsync(cancellationToken);
        return listener;
    }

    private static async Task<bool> VisibleAsync(PortalDbContext db, Actor actor, string id, CancellationToken cancellationToken) =>
        actor.OnlyOwner is not { } owner || await db.Listeners.AnyAsync(l => l.Id == id && l.OwnerAccountId == owner, cancellationToken);

    private static ServiceError OnlyAdmins() => ServiceError.Forbidden("Only admins change listeners.");

    private static ServiceError NotFound(string id) =>
        ServiceError.NotFound("Listener not found", $"No listener has the id '{id}'.");

    private static ServiceError ChangedMeanwhile(int currentVersion) =>
        ServiceError.Conflict("The listener was changed meanwhile",
            $"Someone else changed this listener since you loaded it (it is now at version {currentVersion}). " +
            "Reload it and apply your change again.");
}
