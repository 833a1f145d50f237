using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Web.Accounts;

namespace WebhookPortal.Web.Api;

/// <summary>
/// Authenticates REST calls that carry <c>Authorization: Bearer &lt;key&gt;</c>: the admin key from configuration,
/// or an account's key, which acts with that account's role.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AdminApiKey adminKey,
    ApiKeyService apiKeys,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must use the Bearer scheme.");
        }

        var presented = header[BearerPrefix.Length..].Trim();
        var actor = adminKey.Matches(presented)
            ? new Actor(null, "admin API key", AccountRole.Admin)
            : await apiKeys.AuthenticateAsync(presented, Context.RequestAborted);
        return actor is null
            ? AuthenticateResult.Fail("The API key is not valid.")
            : AuthenticateResult.Success(new AuthenticationTicket(PortalClaims.ForKey(actor, SchemeName), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "An API key is required",
                Detail = "Send a valid API key in the header 'Authorization: Bearer <key>': an account's key from the portal " +
                         "(Account → API keys), or the admin key, Api:AdminKey in appsettings.json. A revoked key is refused.",
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Not allowed",
                Detail = "This API key's role does not allow this call. Customers read their own listeners and deliveries; " +
                         "support also reads everything and replays; admins do everything.",
            },
        });
    }
}
