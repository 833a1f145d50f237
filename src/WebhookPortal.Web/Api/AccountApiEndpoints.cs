using WebhookPortal.Web.Api.OpenApi;
using System.Security.Claims;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Common;
using WebhookPortal.Web.Accounts;

namespace WebhookPortal.Web.Api;

/// <summary>
/// <c>/api/accounts</c> (admins), their API keys and customer links; <c>/api/api-keys</c> for a key's own account.
/// </summary>
public static class AccountApiEndpoints
{
    public static RouteGroupBuilder MapAccountApiEndpoints(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Accounts").RequireAuthorization(PortalPolicies.ApiAdmin).NeedsRole();
        accounts.MapGet("/", ListAsync).WithName("ListAccounts")
            .Doc("List accounts", "Every account, or those of one role. Admins only.")
            .Answers<IReadOnlyList<AccountSummary>>().Refuses(StatusCodes.Status400BadRequest);
        accounts.MapPost("/", CreateAsync).WithName("CreateAccount")
            .Doc("Create an account", "role is Admin, Support or Customer (the default). A customer may have no password and use " +
                "customer links instead. Admins only.")
            .Example(ApiExamples.AccountRequest).Answers<AccountResponse>(StatusCodes.Status201Created).Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);
        accounts.MapGet("/{id:int}", GetAsync).WithName("GetAccount")
            .Doc("Get an account", "Never its password.")
            .Answers<AccountResponse>().Refuses(StatusCodes.Status404NotFound);
        accounts.MapPut("/{id:int}", UpdateAsync).WithName("UpdateAccount")
            .Doc("Update an account", "An empty password keeps the current one. The last admin cannot lose the role (409).")
            .Example(ApiExamples.AccountRequest).Answers<AccountResponse>().Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        accounts.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteAccount")
            .Doc("Delete an account", "Its keys stop working at once. Not the last admin, nor your own account (409).")
            .AnswersNoContent().Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        accounts.MapPost("/{id:int}/links", CreateLinkAsync).WithName("CreateCustomerLink")
            .Doc("Create a customer link", "A link that signs the customer in to their own delivery history, for hours hours; hand it to " +
                "the customer's own application.")
            .Answers<CustomerLinkResponse>().Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        accounts.MapDelete("/{id:int}/links", RevokeLinksAsync).WithName("RevokeCustomerLinks")
            .Doc("Revoke a customer's links", "Every link of the account stops working, and the sessions opened with them end.")
            .AnswersNoContent().Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        var keys = api.MapGroup("/api-keys").WithTags("Accounts");
        keys.MapGet("/", ListKeysAsync).WithName("ListApiKeys")
            .Doc("List API keys", "The key's own account's keys (never the keys themselves, only their prefixes); an admin may name another account.")
            .Answers<IReadOnlyList<ApiKeySummary>>().Refuses(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        keys.MapPost("/", CreateKeyAsync).WithName("CreateApiKey")
            .Doc("Create an API key", "The answer holds the key in full, the only time it is shown. It acts with its account's role.")
            .Example(ApiExamples.ApiKeyRequest).Answers<CreatedApiKey>(StatusCodes.Status201Created).Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        keys.MapDelete("/{id:int}", RevokeKeyAsync).WithName("RevokeApiKey")
            .Doc("Revoke an API key", "It is refused from then on; the answer is the key as it now stands.")
            .Answers<ApiKeySummary>().Refuses(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(AccountService service, ClaimsPrincipal user, string? role, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var only = EnumText.ReadQuery<AccountRole>(role, "role", errors);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors, title: "The query parameters are not valid")
            : TypedResults.Ok(await service.ListAsync(user.ToActor(), only, cancellationToken));
    }

    private static async Task<IResult> CreateAsync(AccountService service, ClaimsPrincipal user, AccountRequest request, CancellationToken cancellationToken)
    {
        var result = await service.CreateAsync(user.ToActor(), request.ToInput(), cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/accounts/{result.Value.Id}", AccountResponse.From(result.Value))
            : result.Error.ToProblem();
    }

    private static async Task<IResult> GetAsync(AccountService service, ClaimsPrincipal user, int id, CancellationToken cancellationToken) =>
        await service.FindAsync(user.ToActor(), id, cancellationToken) is { } account
            ? TypedResults.Ok(AccountResponse.From(account))
            : ServiceError.NotFound("Account not found", $"No account has the id {id}.").ToProblem();

    private static async Task<IResult> UpdateAsync(
        AccountService service, ClaimsPrincipal user, int id, AccountRequest request, CancellationToken cancellationToken)
    {
        var result = await service.UpdateAsync(user.ToActor(), id, request.ToInput(), cancellationToken);
        return result.Succeeded ? TypedResults.Ok(AccountResponse.From(result.Value)) : result.Error.ToProblem();
    }

    private static async Task<IResult> DeleteAsync(AccountService service, ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        var result = await service.DeleteAsync(user.ToActor(), id, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    /// <param name="hours">How long the link opens the customer's history: 1 to 168 (7 days); 24 when left out.</param>
    private static async Task<IResult> CreateLinkAsync(
        CustomerLinkService links, ClaimsPrincipal user, HttpContext http, int id, int? hours, CancellationToken cancellationToken)
    {
        var result = await links.CreateAsync(user.ToActor(), id, TimeSpan.FromHours(hours ?? 24), cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(new CustomerLinkResponse(CustomerLinkResponse.UrlFor(http.Request, result.Value.Token), result.Value.ExpiresAt))
            : result.Error.ToProblem();
    }

    private static async Task<IResult> RevokeLinksAsync(CustomerLinkService links, ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        var result = await links.RevokeAllAsync(user.ToActor(), id, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    /// <param name="accountId">An admin may list another account's keys; anyone else sees their own.</param>
    private static async Task<IResult> ListKeysAsync(ApiKeyService keys, ClaimsPrincipal user, int? accountId, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.ListAsync(user.ToActor(), accountId, cancellationToken));

    private static async Task<IResult> CreateKeyAsync(ApiKeyService keys, ClaimsPrincipal user, ApiKeyRequest request, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        if ((request.AccountId ?? actor.AccountId) is not { } accountId)
        {
            return ServiceError.Invalid("The API key is not valid", new Dictionary<string, string[]>
            {
                ["accountId"] = ["The admin key belongs to no account: name the account the new key is for."],
            }).ToProblem();
        }

        var result = await keys.CreateAsync(actor, accountId, request.Name, cancellationToken);
        return result.Succeeded ? TypedResults.Created($"/api/api-keys/{result.Value.Summary.Id}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<IResult> RevokeKeyAsync(ApiKeyService keys, ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        var result = await keys.RevokeAsync(user.ToActor(), id, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}

/// <summary>The body of <c>POST /api/accounts</c> and <c>PUT /api/accounts/{id}</c>.</summary>
public sealed record AccountRequest(string? Email, string? DisplayName, AccountRole? Role, string? Password, bool? MaySeeSecrets)
{
    public AccountInput ToInput() => new(Email, DisplayName, Role ?? AccountRole.Customer, Password, MaySeeSecrets ?? false);
}

/// <summary>An account as the API shows it: never its password hash.</summary>
public sealed record AccountResponse(int Id, string Email, string DisplayName, AccountRole Role, bool HasPassword, bool MaySeeSecrets,
    DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt, DateTimeOffset? LastSignInAt)
{
    public static AccountResponse From(Account account) => new(account.Id, account.Email, account.DisplayName, account.Role,
        account.PasswordHash is not null, account.MaySeeSecrets, account.LockedUntil, account.CreatedAt, account.LastSignInAt);
}

/// <summary>The body of <c>POST /api/api-keys</c>.</summary>
public sealed record ApiKeyRequest(string? Name, int? AccountId);

/// <summary>A customer link to hand to the customer's own application.</summary>
public sealed record CustomerLinkResponse(string Url, DateTimeOffset ExpiresAt)
{
    public static string UrlFor(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}{request.PathBase}/links/{token}";
}
