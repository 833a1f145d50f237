using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Audit;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Accounts;

/// <summary>
/// API keys per account: made by an admin (for any account) or by a person for their own account, shown
/// once, stored as a SHA-256 hash, revocable. A call with a key acts with its account's role.
/// </summary>
public sealed class ApiKeyService(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider clock)
{
    // Writing the last use on every call would make each API call a write; once a minute is enough to tell.
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(Actor actor, int? accountId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var keys = db.ApiKeys.AsNoTracking();
        if (!actor.IsAdmin)
        {
            keys = keys.Where(k => k.AccountId == (actor.AccountId ?? -1));
        }

        if (accountId is { } only)
        {
            keys = keys.Where(k => k.AccountId == only);
        }

        return await keys.OrderByDescending(k => k.Id)
            .Select(k => new ApiKeySummary(k.Id, k.AccountId, k.Account.Email, k.Name, k.Hint, k.CreatedAt, k.LastUsedAt, k.RevokedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<ServiceResult<CreatedApiKey>> CreateAsync(Actor actor, int accountId, string? name, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin && actor.AccountId != accountId)
        {
            return ServiceError.Forbidden("You can make API keys only for your own account.");
        }

        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > AccountRules.MaxKeyNameLength)
        {
            return ServiceError.Invalid("The API key is not valid", new Dictionary<string, string[]>
            {
                ["name"] = [$"Name the key (1 to {AccountRules.MaxKeyNameLength} characters), such as 'billing service'."],
            });
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return ServiceError.NotFound("Account not found", $"No account has the id {accountId}.");
        }

        var key = ApiKey.KeyPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var row = new ApiKey { AccountId = accountId, Name = trimmed, Hint = key[..10] + "…", Hash = HashOf(key), CreatedAt = now };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        AuditTrail.Add(db, actor, now, AuditActions.ApiKeyCreated, "api-key", row.Id.ToString(),
            $"API key '{trimmed}' ({row.Hint}) made for {account.Email}", after: new { name = trimmed, hint = row.Hint, account = account.Email });
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<CreatedApiKey>.Ok(new CreatedApiKey(
            new ApiKeySummary(row.Id, accountId, account.Email, row.Name, row.Hint, now, null, null), key));
    }

    public async Task<ServiceResult<ApiKeySummary>> RevokeAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.Include(k => k.Account).SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null || (!actor.IsAdmin && key.AccountId != actor.AccountId))
        {
            return ServiceError.NotFound("API key not found", $"No API key has the id {id}.");
        }

        var now = clock.GetUtcNow();
        if (key.RevokedAt is null)
        {
            key.RevokedAt = now;
            AuditTrail.Add(db, actor, now, AuditActions.ApiKeyRevoked, "api-key", id.ToString(),
                $"API key '{key.Name}' ({key.Hint}) of {key.Account.Email} revoked");
            await db.SaveChangesAsync(cancellationToken);
        }

        return ServiceResult<ApiKeySummary>.Ok(new ApiKeySummary(key.Id, key.AccountId, key.Account.Email, key.Name, key.Hint, key.CreatedAt, key.LastUsedAt, key.RevokedAt));
    }

    /// <summary>The actor a presented key stands for, or null when no live key matches it.</summary>
    public async Task<Actor?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (!presented.StartsWith(ApiKey.KeyPrefix, StringComparison.Ordinal) || presented.Length > 200)
        {
            return null;
        }

        var hash = HashOf(presented);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.ApiKeys.Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => new { k.Id, k.LastUsedAt, k.Account })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (found.LastUsedAt is null || now - found.LastUsedAt > LastUseResolution)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE api_keys SET last_used_at = {now.ToUnixTimeMilliseconds()} WHERE id = {found.Id}", cancellationToken);
        }

        return AccountService.ActorOf(found.Account);
    }

    // The lookup is by hash through a unique index: the comparison a timing attack could measure is of hashes.
    private static string HashOf(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();
}
