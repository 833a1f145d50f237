using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Hooks;
using WebhookPortal.Core.Listeners;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Inbound;

/// <summary>Creates, changes and removes inbound sources and reads what they refused; the pages and the REST API both go through it.</summary>
public sealed class InboundSourceService(
    IDbContextFactory<PortalDbContext> contextFactory,
    IOptions<InboundOptions> options,
    TimeProvider clock,
    ILogger<InboundSourceService> logger)
{
    /// <summary>Sources by name, each with the number of requests it refused in the last 24 hours.</summary>
    public Task<PagedResult<InboundSourceSummary>> ListAsync(int skip, int take, CancellationToken cancellationToken) =>
        InboundSourceListing.ListAsync(contextFactory, clock.GetUtcNow().AddDays(-1), skip, take, cancellationToken);

    public async Task<InboundSource?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.InboundSources.AsNoTracking().Include(s => s.Hook).SingleOrDefaultAsync(s => s.Name == name, cancellationToken);
    }

    public async Task<ServiceResult<SavedSource>> CreateAsync(InboundSourceInput input, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var errors = new FieldErrors();
        if (InboundSourceRules.Check(input, null, errors) is not { } valid)
        {
            return ServiceError.Invalid("The source is not valid", errors.ToDictionary());
        }

        if (await db.InboundSources.AnyAsync(s => s.Name == valid.Name, cancellationToken))
        {
            return InboundErrors.NameTaken(valid.Name);
        }

        var hook = await db.Hooks.SingleOrDefaultAsync(h => h.Name == input.Hook!.Trim(), cancellationToken);
        if (hook is null)
        {
            return InboundErrors.HookNotFound(input.Hook!.Trim());
        }

        var now = clock.GetUtcNow();
        var source = new InboundSource { Name = valid.Name, Secret = "", CreatedAt = now };
        var generated = Apply(source, valid, hook, input.Enabled, now);
        db.InboundSources.Add(source);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            return InboundErrors.NameTaken(valid.Name); // created by someone else since the check above
        }

        logger.LogInformation("Inbound source {SourceName} created for hook {Hook} ({Scheme})", source.Name, hook.Name, source.Scheme);
        return ServiceResult<SavedSource>.Ok(new SavedSource(source, generated));
    }

    /// <summary>
    /// Replaces what the admin may change. The name stays; the secret stays unless one is given, or the scheme
    /// changes (then one is needed, or made for Standard Webhooks).
    /// </summary>
    public async Task<ServiceResult<SavedSource>> UpdateAsync(string name, InboundSourceInput input, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var source = await db.InboundSources.SingleOrDefaultAsync(s => s.Name == name, cancellationToken);
        if (source is null)
        {
            return InboundErrors.NotFound(name);
        }

        var errors = new FieldErrors();
        if (InboundSourceRules.Check(input, source, errors) is not { } valid)
        {
            return ServiceError.Invalid("The source is not valid", errors.ToDictionary());
        }

        var hook = await db.Hooks.SingleOrDefaultAsync(h => h.Name == input.Hook!.Trim(), cancellationToken);
        if (hook is null)
        {
            return InboundErrors.HookNotFound(input.Hook!.Trim());
        }

        var generated = Apply(source, valid, hook, input.Enabled, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Inbound source {SourceName} changed", source.Name);
        return ServiceResult<SavedSource>.Ok(new SavedSource(source, generated));
    }

    public async Task<ServiceResult<InboundSource>> SetEnabledAsync(string name, bool enabled, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var source = await db.InboundSources.Include(s => s.Hook).SingleOrDefaultAsync(s => s.Name == name, cancellationToken);
        if (source is null)
        {
            return InboundErrors.NotFound(name);
        }

        if (source.Enabled != enabled)
        {
            source.Enabled = enabled;
            source.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Inbound source {SourceName} {Change}", name, enabled ? "enabled" : "disabled");
        }

        return ServiceResult<InboundSource>.Ok(source);
    }

    /// <summary>
    /// Makes a new Standard Webhooks secret. The previous one still verifies for <c>Inbound:SecretRotationOverlapHours</c>,
    /// so the sender can switch over without a refused request; the scheme accepts either, as it accepts several signatures.
    /// </summary>
    public async Task<ServiceResult<RotatedSourceSecret>> RotateSecretAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var source = await db.InboundSources.SingleOrDefaultAsync(s => s.Name == name, cancellationToken);
        if (source is null)
        {
            return InboundErrors.NotFound(name);
        }

        if (!SignatureScheme.For(source.Scheme).GeneratesSecret)
        {
            return InboundErrors.CannotRotate(source);
        }

        var now = clock.GetUtcNow();
        var overlap = options.Value.SecretRotationOverlap;
        DateTimeOffset? expires = overlap > TimeSpan.Zero ? now + overlap : null;
        source.PreviousSecret = expires is null ? null : source.Secret;
        source.PreviousSecretExpiresAt = expires;
        source.Secret = ListenerSecret.Generate();
        source.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Inbound source {SourceName} given a new secret", name);
        return ServiceResult<RotatedSourceSecret>.Ok(new RotatedSourceSecret(source.Secret, expires));
    }

    /// <summary>Deletes the source and, with it, its recorded rejections. Events it published stay.</summary>
    public async Task<ServiceResult<InboundSource>> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var source = await db.InboundSources.SingleOrDefaultAsync(s => s.Name == name, cancellationToken);
        if (source is null)
        {
            return InboundErrors.NotFound(name);
        }

        db.InboundSources.Remove(source);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Inbound source {SourceName} deleted", name);
        return ServiceResult<InboundSource>.Ok(source);
    }

    /// <summary>The source's refused requests, newest first; not found when no source has the name.</summary>
    public async Task<ServiceResult<PagedResult<InboundRejection>>> ListRejectionsAsync(
        string name, int skip, int take, CancellationToken cancellationToken) =>
        await InboundSourceListing.ListRejectionsAsync(contextFactory, name, skip, take, cancellationToken) is { } page
            ? ServiceResult<PagedResult<InboundRejection>>.Ok(page)
            : InboundErrors.NotFound(name);

    /// <summary>Copies the checked input onto the source; returns the secret when one was made here.</summary>
    private static string? Apply(InboundSource source, CheckedSource valid, Hook hook, bool enabled, DateTimeOffset now)
    {
        string? generated = valid.GenerateSecret ? ListenerSecret.Generate() : null;
        if ((valid.Secret ?? generated) is { } secret)
        {
            // A secret replaced by hand (or a new scheme's) ends any overlap: the old one belongs to another setup.
            source.Secret = secret;
            source.PreviousSecret = null;
            source.PreviousSecretExpiresAt = null;
        }

        source.Description = valid.Description;
        source.Scheme = valid.Scheme;
        source.HeaderName = valid.HeaderName;
        source.HookId = hook.Id;
        source.Hook = hook;
        source.Enabled = enabled;
        source.UpdatedAt = now;
        return generated;
    }
}
