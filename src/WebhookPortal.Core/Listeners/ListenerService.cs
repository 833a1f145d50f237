using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Egress;
using WebhookPortal.Core.Hooks;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Listeners;

/// <summary>Creates, changes and removes listeners; the portal's pages and the REST API both go through it.</summary>
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
    public Task<PagedResult<ListenerSummary>> ListAsync(ListenerQuery query, CancellationToken cancellationToken) =>
        ListenerListing.ListAsync(contextFactory, query, cancellationToken);

    public async Task<Listener?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Listeners.AsNoTracking().Include(l => l.Hook).SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
    }

    /// <summary>How many deliveries wait, held, for the listener to be enabled again.</summary>
    public async Task<int> CountHeldAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ListenerDeliveries.CountHeldAsync(db, id, cancellationToken);
    }

    /// <summary>Checks input without saving anything: the refusal a create or update would give, or null.</summary>
    public async Task<ServiceError?> ValidateAsync(ListenerInput input, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return (await CheckAsync(db, input, cancellationToken)).Error;
    }

    public async Task<ServiceResult<CreatedListener>> CreateAsync(ListenerInput input, CancellationToken cancellationToken)
    {
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
            Url = input.Url!.Trim(),
            Secret = ListenerSecret.Generate(),
            CreatedAt = now,
            Version = 1,
        };
        Apply(listener, input, now);
        db.Listeners.Add(listener);
        await db.SaveChangesAsync(cancellationToken);
        directory.Invalidate(hook.Id);
        listener.Hook = hook;
        logger.LogInformation("Listener {ListenerId} created for hook {Hook}", listener.Id, hook.Name);
        var warnings = await WarningsAsync(listener.Url, cancellationToken);
        return ServiceResult<CreatedListener>.Ok(new CreatedListener(listener, listener.Secret) { Warnings = warnings }, warnings);
    }

    public async Task<ServiceResult<Listener>> UpdateAsync(string id, ListenerInput input, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var listener = await db.Listeners.SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listener is null)
        {
            return NotFound(id);
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
        listener.HookId = hook!.Id;
        listener.Url = input.Url!.Trim();
        if (input.Enabled && !listener.Enabled)
        {
            Reenable(listener);
        }

        Apply(listener, input, clock.GetUtcNow());
        var saved = await SaveChangeAsync(db, listener, "updated", wasEnabled, cancellationToken);
        directory.Invalidate(previousHookId);
        return saved.Succeeded ? ServiceResult<Listener>.Ok(saved.Value, await WarningsAsync(listener.Url, cancellationToken)) : saved;
    }

    public async Task<ServiceResult<Listener>> SetEnabledAsync(string id, bool enabled, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var listener = await db.Listeners.SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listener is null)
        {
            return NotFound(id);
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
        return await SaveChangeAsync(db, listener, enabled ? "enabled" : "disabled", !enabled, cancellationToken);
    }

    public async Task<ServiceResult<RotatedSecret>> RotateSecretAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var listener = await db.Listeners.SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listener is null)
        {
            return NotFound(id);
        }

        var now = clock.GetUtcNow();
        var overlap = options.Value.SecretRotationOverlap;
        listener.PreviousSecret = overlap > TimeSpan.Zero ? listener.Secret : null;
        listener.PreviousSecretExpiresAt = overlap > TimeSpan.Zero ? now + overlap : null;
        listener.Secret = ListenerSecret.Generate();
        listener.UpdatedAt = now;
        var saved = await SaveChangeAsync(db, listener, "given a new secret", listener.Enabled, cancellationToken);
        return saved.Succeeded
            ? ServiceResult<RotatedSecret>.Ok(new RotatedSecret(listener.Secret, now + overlap, listener.Version))
            : saved.Error;
    }

    public async Task<ServiceResult<Listener>> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var listener = await db.Listeners.Include(l => l.Hook).SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listener is null)
        {
            return NotFound(id);
        }

        // The row stays (hidden) so the delivery log keeps its history; what was still to be sent is cancelled.
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        listener.DeletedAt = now;
        Disable(listener, "Deleted by an admin.", now);
        listener.Version++;
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
        return errors.Any ? (hook, ServiceError.Invalid("The listener is not valid", errors.ToDictionary())) : (hook, null);
    }

    /// <summary>Whether deliveries to the URL would be refused (egress safety): said at save, never a reason to refuse it.</summary>
    private async Task<IReadOnlyList<string>> WarningsAsync(string url, CancellationToken cancellationToken) =>
        await egress.WarningAsync(url, cancellationToken) is { } warning ? [warning] : [];

    private static void Apply(Listener listener, ListenerInput input, DateTimeOffset now)
    {
        listener.Description = input.Description?.Trim() ?? "";
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
        PortalDbContext db, Listener listener, string change, bool wasEnabled, CancellationToken cancellationToken)
    {
        listener.Version++;
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
            var released = await ListenerDeliveries.ReleaseAsync(db, listener.Id, cancellationToken);
            logger.LogInformation("Listener {ListenerId} enabled again: {ReleasedCount} held deliveries released", listener.Id, released);
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

    private static ServiceError NotFound(string id) =>
        ServiceError.NotFound("Listener not found", $"No listener has the id '{id}'.");

    private static ServiceError ChangedMeanwhile(int currentVersion) =>
        ServiceError.Conflict("The listener was changed meanwhile",
            $"Someone else changed this listener since you loaded it (it is now at version {currentVersion}). " +
            "Reload it and apply your change again.");
}
