using System.Security.Claims;
using WebhookPortal.Core.Accounts;

namespace WebhookPortal.Web.Accounts;

/// <summary>
/// Decides whether a portal session may go on: a password session while its account exists with the same
/// security stamp (a new password, a new role or deletion ends it), a link session while its link is unexpired
/// and not revoked. Checked on every request and, for open pages, every minute.
/// </summary>
public sealed class SessionValidator(AccountService accounts, CustomerLinkService links)
{
    public async Task<bool> IsValidAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true || user.ToActor().AccountId is not { } accountId)
        {
            return false;
        }

        if (user.Link() is { } link)
        {
            return await links.IsLiveAsync(accountId, link.IssuedAt, link.ExpiresAt, cancellationToken);
        }

        var stamp = user.FindFirst(PortalClaims.Stamp)?.Value;
        return stamp is not null && await accounts.FindSessionAsync(accountId, stamp, cancellationToken) is { } account &&
               account.Role.ToString() == user.FindFirst(ClaimTypes.Role)?.Value;
    }
}
