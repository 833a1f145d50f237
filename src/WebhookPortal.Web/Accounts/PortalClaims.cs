using System.Globalization;
using System.Security.Claims;
using WebhookPortal.Core.Accounts;

namespace WebhookPortal.Web.Accounts;

/// <summary>How a signed-in session, an API key or a customer link is written as claims, and read back as an <see cref="Actor"/>.</summary>
public static class PortalClaims
{
    public const string Stamp = "wp:stamp";
    public const string LinkIssuedAt = "wp:link-issued";
    public const string LinkExpiresAt = "wp:link-expires";

    /// <summary>A person who signed in with their password.</summary>
    public static ClaimsPrincipal ForAccount(Account account, string scheme) => new(new ClaimsIdentity(
        [.. Common(account), new Claim(Stamp, account.SecurityStamp)], scheme));

    /// <summary>A customer who opened a link: the session ends when the link expires or is revoked.</summary>
    public static ClaimsPrincipal ForLink(Account account, CustomerLink link, string scheme) => new(new ClaimsIdentity(
        [
            .. Common(account),
            new Claim(LinkIssuedAt, link.IssuedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
            new Claim(LinkExpiresAt, link.ExpiresAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
        ], scheme));

    /// <summary>An API call made with a key.</summary>
    public static ClaimsPrincipal ForKey(Actor actor, string scheme)
    {
        List<Claim> claims = [new(ClaimTypes.Name, actor.Name), new(ClaimTypes.Role, actor.Role.ToString())];
        if (actor.AccountId is { } id)
        {
            claims.Add(new Claim(ClaimTypes.NameIdentifier, id.ToString(CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>
    /// Who the principal is, as the services take it. Someone not signed in is a customer of no account: they
    /// see nothing (the pages and the API refuse them before it comes to that).
    /// </summary>
    public static Actor ToActor(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || !Enum.TryParse<AccountRole>(user.FindFirstValue(ClaimTypes.Role), out var role))
        {
            return Actor.Anonymous;
        }

        int? id = int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        return new Actor(id, user.Identity.Name ?? "unknown", role);
    }

    /// <summary>When the principal came from a customer link: when it was issued and expires.</summary>
    public static (DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)? Link(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(LinkIssuedAt), CultureInfo.InvariantCulture, out var issued) &&
        long.TryParse(user.FindFirstValue(LinkExpiresAt), CultureInfo.InvariantCulture, out var expires)
            ? (DateTimeOffset.FromUnixTimeMilliseconds(issued), DateTimeOffset.FromUnixTimeMilliseconds(expires))
            : null;

    private static Claim[] Common(Account account) =>
    [
        new(ClaimTypes.NameIdentifier, account.Id.ToString(CultureInfo.InvariantCulture)),
        new(ClaimTypes.Name, account.Email),
        new(ClaimTypes.Role, account.Role.ToString()),
    ];
}
