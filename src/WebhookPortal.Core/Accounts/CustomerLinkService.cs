using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Audit;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Accounts;

/// <summary>
/// Customer links: a signed, expiring token that opens one customer's delivery history without a password,
/// for embedding in the host application's own pages. Nothing is stored per link; the token carries the
/// account, when it was issued and when it expires, under an HMAC with a key the portal keeps in its
/// database. Revoking moves the account's cut-off, so every link issued before it stops working at once.
/// </summary>
public sealed class CustomerLinkService(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider clock)
{
    public static readonly TimeSpan ShortestLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan LongestLifetime = TimeSpan.FromDays(7);
    private const string KeyName = "customer-links";
    private const int PayloadLength = 4 + 8 + 8 + 8;
    private byte[]? key;

    public async Task<ServiceResult<CustomerLink>> CreateAsync(Actor actor, int accountId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return ServiceError.Forbidden("Only admins make customer links.");
        }

        if (lifetime < ShortestLifetime || lifetime > LongestLifetime)
        {
            return ServiceError.Invalid("The link is not valid", new Dictionary<string, string[]>
            {
                ["lifetime"] = ["A customer link lasts from 1 hour to 7 days."],
            });
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return ServiceError.NotFound("Account not found", $"No account has the id {accountId}.");
        }

        if (account.Role != AccountRole.Customer)
        {
            return ServiceError.Conflict("Links are for customers", $"{account.Email} is a {account.Role} account; links open only a customer's history.");
        }

        var now = clock.GetUtcNow();
        // A link issued in the millisecond of a revocation would count as revoked; issue it just after.
        var issued = account.LinksRevokedAt is { } cut && cut >= now ? cut.AddMilliseconds(1) : now;
        var expires = issued + lifetime;
        var payload = new byte[PayloadLength];
        BinaryPrimitives.WriteInt32BigEndian(payload, accountId);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(4), issued.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(12), expires.ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(payload.AsSpan(20));
        var signature = HMACSHA256.HashData(await KeyAsync(db, cancellationToken), payload);
        var token = $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(signature)}";

        AuditTrail.Add(db, actor, now, AuditActions.LinkCreated, "account", accountId.ToString(),
            $"Customer link for {account.Email} made, valid until {expires:u}", after: new { account = account.Email, expiresAt = expires });
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<CustomerLink>.Ok(new CustomerLink(token, accountId, DateTimeOffset.FromUnixTimeMilliseconds(issued.ToUnixTimeMilliseconds()),
            DateTimeOffset.FromUnixTimeMilliseconds(expires.ToUnixTimeMilliseconds())));
    }

    /// <summary>Ends every link of the customer issued so far.</summary>
    public async Task<ServiceResult<Account>> RevokeAllAsync(Actor actor, int accountId, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return ServiceError.Forbidden("Only admins revoke customer links.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return ServiceError.NotFound("Account not found", $"No account has the id {accountId}.");
        }

        var now = clock.GetUtcNow();
        account.LinksRevokedAt = now;
        AuditTrail.Add(db, actor, now, AuditActions.LinksRevoked, "account", accountId.ToString(), $"Every customer link of {account.Email} revoked");
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<Account>.Ok(account);
    }

    /// <summary>The link a token stands for, when its signature holds, it has not expired and was not revoked.</summary>
    public async Task<(CustomerLink Link, Account Account)?> OpenAsync(string? token, CancellationToken cancellationToken)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 2 } || FromBase64Url(parts[0]) is not { Length: PayloadLength } payload || FromBase64Url(parts[1]) is not { } signature)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(await KeyAsync(db, cancellationToken), payload), signature))
        {
            return null;
        }

        var accountId = BinaryPrimitives.ReadInt32BigEndian(payload);
        var issued = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(4)));
        var expires = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(12)));
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        return account is not null && IsLive(account, issued, expires) ? (new CustomerLink(token!, accountId, issued, expires), account) : null;
    }

    /// <summary>Whether a session opened by a link may go on: the account is still a customer, the link unexpired and not revoked.</summary>
    public async Task<bool> IsLiveAsync(int accountId, DateTimeOffset issuedAt, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        return account is not null && IsLive(account, issuedAt, expiresAt);
    }

    private bool IsLive(Account account, DateTimeOffset issued, DateTimeOffset expires) =>
        account.Role == AccountRole.Customer && expires > clock.GetUtcNow() && (account.LinksRevokedAt is not { } cut || issued > cut);

    private async Task<byte[]> KeyAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (key is not null)
        {
            return key;
        }

        // Two nodes (or two requests) may race to make it; the first insert wins and both read the winner.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO portal_keys (name, value, created_at) VALUES ({KeyName}, {Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}, {clock.GetUtcNow().ToUnixTimeMilliseconds()}) ON CONFLICT (name) DO NOTHING",
            cancellationToken);
        var stored = await db.PortalKeys.AsNoTracking().Where(k => k.Name == KeyName).Select(k => k.Value).SingleAsync(cancellationToken);
        return key = Convert.FromBase64String(stored);
    }

    private static byte[]? FromBase64Url(string text)
    {
        if (text.Length is 0 or > 100)
        {
            return null;
        }

        var bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        return Base64Url.TryDecodeFromChars(text, bytes, out var written) ? bytes[..written] : null;
    }
}
