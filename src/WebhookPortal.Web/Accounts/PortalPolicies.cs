using WebhookPortal.Core.Accounts;
using WebhookPortal.Web.Api;

namespace WebhookPortal.Web.Accounts;

/// <summary>
/// Who may call what. The REST API authenticates only by key; the pages only by the sign-in cookie. Scoping
/// (a customer sees only its own) is the services' job; these policies keep each role out of what it never uses.
/// </summary>
public static class PortalPolicies
{
    /// <summary>Any valid API key; the services scope what it reads.</summary>
    public const string Api = "Api";

    /// <summary>An admin's key or the admin key.</summary>
    public const string ApiAdmin = "ApiAdmin";

    /// <summary>An admin's or support's key.</summary>
    public const string ApiStaff = "ApiStaff";

    public const string Admin = nameof(AccountRole.Admin);
    public const string Staff = nameof(AccountRole.Admin) + "," + nameof(AccountRole.Support);

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder) => builder
        .AddPolicy(Api, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser())
        .AddPolicy(ApiAdmin, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireRole(nameof(AccountRole.Admin)))
        .AddPolicy(ApiStaff, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireRole(nameof(AccountRole.Admin), nameof(AccountRole.Support)));
}
