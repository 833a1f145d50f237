using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using WebhookPortal.Core.Accounts;

namespace WebhookPortal.Web.Accounts;

/// <summary>
/// The browser's ways in and out that are plain HTTP: opening a customer link and signing out (the sign-in
/// form is the static page <c>/sign-in</c>).
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/links/{token}", OpenLinkAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/sign-out", SignOutAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> OpenLinkAsync(string token, HttpContext context, CustomerLinkService links, CancellationToken cancellationToken)
    {
        if (await links.OpenAsync(token, cancellationToken) is not { } opened)
        {
            return Results.Redirect("/sign-in?link=invalid");
        }

        var (link, account) = opened;
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            PortalClaims.ForLink(account, link, CookieAuthenticationDefaults.AuthenticationScheme),
            new AuthenticationProperties { ExpiresUtc = link.ExpiresAt, IsPersistent = false, AllowRefresh = false });
        return Results.Redirect("/deliveries");
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest("The sign-out form expired; reload the page and sign out again.");
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect("/sign-in?signedOut=true");
    }
}
