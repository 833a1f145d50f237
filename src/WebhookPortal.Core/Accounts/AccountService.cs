using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Audit;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Accounts;

/// <summary>
/// Accounts and sign-in: who may use the portal, with which role. Only admins change accounts. Passwords are
/// hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2, versioned format).
/// </summary>
public sealed class AccountService(
    IDbContextFactory<PortalDbContext> contextFactory,
    IPasswordHasher<Account> hasher,
    IOptions<AccountOptions> options,
    TimeProvider clock,
    ILogger<AccountService> logger)
{
    public async Task<IReadOnlyList<AccountSummary>> ListAsync(Actor actor, AccountRole? role, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var accounts = db.Accounts.AsNoTracking();
        if (role is { } only)
        {
            accounts = accounts.Where(a => a.Role == only);
        }

        return await accounts.OrderBy(a => a.Email)
            .Select(a => new AccountSummary(a.Id, a.Email, a.DisplayName, a.Role, a.PasswordHash != null, a.MaySeeSecrets,
                a.LockedUntil, a.CreatedAt, a.LastSignInAt, db.Listeners.Count(l => l.OwnerAccountId == a.Id)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The customer accounts a listener can be given to, for the owner picker.</summary>
    public async Task<IReadOnlyList<AccountSummary>> ListCustomersAsync(Actor actor, CancellationToken cancellationToken) =>
        await ListAsync(actor, AccountRole.Customer, cancellationToken);

    public async Task<Account?> FindAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin && actor.AccountId != id)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    public async Task<ServiceResult<Account>> CreateAsync(Actor actor, AccountInput input, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return OnlyAdmins();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var email = AccountRules.Normalize(input.Email);
        if (await CheckAsync(db, input, null, requirePassword: false, cancellationToken) is { } error)
        {
            return error;
        }

        var now = clock.GetUtcNow();
        var account = new Account
        {
            Email = email,
            DisplayName = input.DisplayName?.Trim() ?? "",
            Role = input.Role,
            MaySeeSecrets = input.Role == AccountRole.Customer && input.MaySeeSecrets,
            SecurityStamp = NewStamp(),
            CreatedAt = now,
        };
        if (input.Password is not null)
        {
            account.PasswordHash = hasher.HashPassword(account, input.Password);
        }

        db.Accounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        AuditTrail.Add(db, actor, now, AuditActions.AccountCreated, "account", account.Id.ToString(),
            $"Account {account.Email} created as {account.Role}", after: AuditSnapshots.Of(account));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Account {AccountId} created with role {Role}", account.Id, account.Role);
        return ServiceResult<Account>.Ok(account);
    }

    public async Task<ServiceResult<Account>> UpdateAsync(Actor actor, int id, AccountInput input, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return OnlyAdmins();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return NotFound(id);
        }

        if (await CheckAsync(db, input, id, requirePassword: false, cancellationToken) is { } error)
        {
            return error;
        }

        if (account.Role == AccountRole.Admin && input.Role != AccountRole.Admin && await IsLastAdminAsync(db, id, cancellationToken))
        {
            return ServiceError.Conflict("The last admin must stay an admin",
                "At least one admin account must remain. Make another account an admin first.");
        }

        var before = AuditSnapshots.Of(account);
        var now = clock.GetUtcNow();
        var roleChanged = account.Role != input.Role;
        account.Email = AccountRules.Normalize(input.Email);
        account.DisplayName = input.DisplayName?.Trim() ?? "";
        account.Role = input.Role;
        account.MaySeeSecrets = input.Role == AccountRole.Customer && input.MaySeeSecrets;
        if (roleChanged)
        {
            account.SecurityStamp = NewStamp(); // sessions of the old role end
        }

        AuditTrail.Add(db, actor, now, AuditActions.AccountUpdated, "account", id.ToString(), $"Account {account.Email} changed",
            before, AuditSnapshots.Of(account));
        if (input.Password is not null)
        {
            SetPassword(db, actor, account, input.Password, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<Account>.Ok(account);
    }

    /// <summary>Sets a new password (an admin for anyone, or a person for themselves); every other session ends.</summary>
    public async Task<ServiceResult<Account>> ChangePasswordAsync(Actor actor, int id, string password, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin && actor.AccountId != id)
        {
            return OnlyAdmins();
        }

        var errors = new FieldErrors();
        AccountRules.CheckPassword(password, options.Value.MinimumPasswordLength, errors);
        if (errors.Any)
        {
            return ServiceError.Invalid("The password is not valid", errors.ToDictionary());
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return NotFound(id);
        }

        SetPassword(db, actor, account, password, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<Account>.Ok(account);
    }

    public async Task<ServiceResult<Account>> DeleteAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return OnlyAdmins();
        }

        if (actor.AccountId == id)
        {
            return ServiceError.Conflict("You cannot delete your own account", "Ask another admin to delete it.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return NotFound(id);
        }

        if (account.Role == AccountRole.Admin && await IsLastAdminAsync(db, id, cancellationToken))
        {
            return ServiceError.Conflict("The last admin cannot be deleted", "At least one admin account must remain.");
        }

        // Its listeners stay, without an owner; its keys go with it.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE listeners SET owner_account_id = NULL WHERE owner_account_id = {id}", cancellationToken);
        db.Accounts.Remove(account);
        AuditTrail.Add(db, actor, clock.GetUtcNow(), AuditActions.AccountDeleted, "account", id.ToString(),
            $"Account {account.Email} deleted", before: AuditSnapshots.Of(account));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Account {AccountId} deleted", id);
        return ServiceResult<Account>.Ok(account);
    }

    /// <summary>
    /// Checks an email and password. Every failure counts towards the lockout and is audited; a locked account
    /// is refused even with the right password until the lockout ends.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        var normalized = AccountRules.Normalize(email);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var account = normalized.Length == 0 ? null : await db.Accounts.SingleOrDefaultAsync(a => a.Email == normalized, cancellationToken);
        var now = clock.GetUtcNow();
        var anonymous = new Actor(null, normalized.Length == 0 ? "(no email)" : Truncate(normalized), AccountRole.Customer);
        if (account is null || account.PasswordHash is null || string.IsNullOrEmpty(password))
        {
            AuditTrail.Add(db, account is null ? anonymous : ActorOf(account), now, AuditActions.SignInFailed, "account", account?.Id.ToString(),
                account is null ? $"Sign-in refused: no account has the email {anonymous.Name}" : $"Sign-in refused for {account.Email}: no password given or set");
            await db.SaveChangesAsync(cancellationToken);
            return SignInResult.Refused;
        }

        if (account.LockedUntil > now)
        {
            AuditTrail.Add(db, ActorOf(account), now, AuditActions.SignInFailed, "account", account.Id.ToString(),
                $"Sign-in refused for {account.Email}: locked until {account.LockedUntil:u}");
            await db.SaveChangesAsync(cancellationToken);
            return new SignInResult(null, account.LockedUntil);
        }

        var check = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (check == PasswordVerificationResult.Failed)
        {
            account.FailedSignIns++;
            AuditTrail.Add(db, ActorOf(account), now, AuditActions.SignInFailed, "account", account.Id.ToString(),
                $"Sign-in refused for {account.Email}: wrong password ({account.FailedSignIns} in a row)");
            DateTimeOffset? locked = null;
            if (account.FailedSignIns >= options.Value.MaxFailedSignIns)
            {
                locked = account.LockedUntil = now.AddMinutes(options.Value.LockoutMinutes);
                account.FailedSignIns = 0;
                AuditTrail.Add(db, ActorOf(account), now, AuditActions.AccountLockedOut, "account", account.Id.ToString(),
                    $"{account.Email} locked for {options.Value.LockoutMinutes} minutes after {options.Value.MaxFailedSignIns} failed sign-ins");
                logger.LogWarning("Account {AccountId} locked after repeated failed sign-ins", account.Id);
            }

            await db.SaveChangesAsync(cancellationToken);
            return new SignInResult(null, locked);
        }

        if (check == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = hasher.HashPassword(account, password);
        }

        account.FailedSignIns = 0;
        account.LockedUntil = null;
        account.LastSignInAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return new SignInResult(account);
    }

    /// <summary>The account behind a session, if it still exists and its stamp still matches.</summary>
    public async Task<Account?> FindSessionAsync(int accountId, string securityStamp, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Accounts.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == accountId && a.SecurityStamp == securityStamp, cancellationToken);
    }

    /// <summary>
    /// Whether the database has no admin yet, and then, with a password, creates the first one. Returns true
    /// when there was no admin.
    /// </summary>
    public async Task<bool> EnsureAdminAsync(string email, string? password, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Accounts.AnyAsync(a => a.Role == AccountRole.Admin, cancellationToken))
        {
            return false;
        }

        if (password is null)
        {
            return true;
        }

        var created = await CreateAsync(Actor.System, new AccountInput(email, "Administrator", AccountRole.Admin, password), cancellationToken);
        if (!created.Succeeded)
        {
            var problems = created.Error.Fields is { } fields ? string.Join(" ", fields.SelectMany(f => f.Value)) : created.Error.Detail;
            throw new InvalidOperationException($"Portal:BootstrapAdmin cannot be used: {problems}");
        }

        return true;
    }

    /// <summary>Whether any account has ever signed in with a password.</summary>
    public async Task<bool> AnyoneSignedInAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Accounts.AnyAsync(a => a.LastSignInAt != null, cancellationToken);
    }

    public static Actor ActorOf(Account account) => new(account.Id, account.Email, account.Role);

    private void SetPassword(PortalDbContext db, Actor actor, Account account, string password, DateTimeOffset now)
    {
        account.PasswordHash = hasher.HashPassword(account, password);
        account.SecurityStamp = NewStamp();
        account.FailedSignIns = 0;
        account.LockedUntil = null;
        AuditTrail.Add(db, actor, now, AuditActions.PasswordChanged, "account", account.Id.ToString(),
            $"Password of {account.Email} changed; its other sessions end");
    }

    private async Task<ServiceError?> CheckAsync(
        PortalDbContext db, AccountInput input, int? id, bool requirePassword, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        AccountRules.CheckEmail(input.Email, errors);
        if ((input.DisplayName?.Trim().Length ?? 0) > AccountRules.MaxDisplayNameLength)
        {
            errors.Add("displayName", $"The display name is longer than {AccountRules.MaxDisplayNameLength} characters.");
        }

        if (!Enum.IsDefined(input.Role))
        {
            errors.Add("role", "The role must be Admin, Support or Customer.");
        }

        if (requirePassword && input.Password is null)
        {
            errors.Add("password", "Give a password.");
        }

        AccountRules.CheckPassword(input.Password, options.Value.MinimumPasswordLength, errors);
        if (errors.Any)
        {
            return ServiceError.Invalid("The account is not valid", errors.ToDictionary());
        }

        var email = AccountRules.Normalize(input.Email);
        if (await db.Accounts.AnyAsync(a => a.Email == email && a.Id != id, cancellationToken))
        {
            return ServiceError.Conflict("The email is taken", $"Another account already uses {email}.");
        }

        return null;
    }

    private static Task<bool> IsLastAdminAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        db.Accounts.AllAsync(a => a.Role != AccountRole.Admin || a.Id == id, cancellationToken);

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200];

    private static ServiceError NotFound(int id) => ServiceError.NotFound("Account not found", $"No account has the id {id}.");

    private static ServiceError OnlyAdmins() => ServiceError.Forbidden("Only admins manage accounts.");
}
