using System.Security.Claims;
using WebhookPortal.Web.Api.OpenApi;
using WebhookPortal.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using WebhookPortal.Core.Hooks;

namespace WebhookPortal.Web.Api;

/// <summary>
/// <c>GET /api/hooks</c> and <c>GET /api/hooks/{name}</c>: the catalogue, as the portal shows it;
/// <c>POST</c>, <c>PUT</c> and <c>DELETE</c>: the hooks defined in the portal, through <see cref="HookService"/>.
/// </summary>
public static class HookEndpoints
{
    public static RouteGroupBuilder MapHookEndpoints(this RouteGroupBuilder api)
    {
        var hooks = api.MapGroup("/hooks").WithTags("Hooks");
        hooks.MapGet("/", ListAsync).WithName("ListHooks")
            .Doc("List hooks", "The catalogue of event types, by name.")
            .AnswersPage<HookResponse>();
        hooks.MapGet("/{name}", GetAsync).WithName("GetHook")
            .Doc("Get a hook", "Its provided fields (only these reach listeners) and a sample payload.")
            .Answers<HookResponse>().Refuses(StatusCodes.Status404NotFound);
        hooks.MapPost("/", CreateAsync).WithName("CreateHook").RequireAuthorization(PortalPolicies.ApiAdmin)
            .Doc("Define a hook", "Names are lowercase dotted words (order.paid); 1 to 100 provided fields; a sample holding only " +
                "provided fields is built from the field names when left out. Admins only.")
            .Example(ApiExamples.HookRequest).Answers<HookResponse>(StatusCodes.Status201Created)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);
        hooks.MapPut("/{name}", UpdateAsync).WithName("UpdateHook").RequireAuthorization(PortalPolicies.ApiAdmin)
            .Doc("Update a hook", "Replaces the description, provided fields and sample of a hook defined in the portal or the API; " +
                "hooks defined in the application's code are read-only (409). Admins only.")
            .Example(ApiExamples.HookRequest).Answers<HookResponse>()
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        hooks.MapDelete("/{name}", DeleteAsync).WithName("DeleteHook").RequireAuthorization(PortalPolicies.ApiAdmin)
            .Doc("Delete a hook", "Only a hook no listener, source or event uses (409 otherwise). Admins only.")
            .AnswersNoContent().Refuses(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> ListAsync(
        HookCatalog catalog, string? search, string? source, int? page, int? pageSize,
        CancellationToken cancellationToken)
    {
        var (paging, errors) = Paging.From(page, pageSize);
        var sourceFilter = EnumText.ReadQuery<HookSource>(source, "source", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query parameters are not valid");
        }

        var result = await catalog.ListAsync(
            new HookQuery { Search = search, Source = sourceFilter, Skip = paging.Skip, Take = paging.PageSize },
            cancellationToken);
        return TypedResults.Ok(new PageResponse<HookResponse>(
            result.Items.Select(HookResponse.From).ToList(), result.TotalCount, paging.Page, paging.PageSize));
    }

    private static async Task<IResult> GetAsync(HookCatalog catalog, string name, CancellationToken cancellationToken)
    {
        var hook = await catalog.FindAsync(name, cancellationToken);
        return hook is null
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Hook not found",
                detail: $"No hook is named '{name}'. GET /api/hooks lists the catalogue.")
            : TypedResults.Ok(HookResponse.From(hook));
    }

    private static async Task<IResult> CreateAsync(
        HookService service, ClaimsPrincipal user, [FromBody] HookRequest request, CancellationToken cancellationToken)
    {
        var result = await service.CreateAsync(user.ToActor(), request.ToDefinition(), cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/hooks/{Uri.EscapeDataString(result.Value.Name)}", HookResponse.From(result.Value))
            : result.Error.ToProblem();
    }

    private static async Task<IResult> UpdateAsync(
        HookService service, ClaimsPrincipal user, string name, [FromBody] HookRequest request, CancellationToken cancellationToken)
    {
        var result = await service.UpdateAsync(user.ToActor(), name, request.ToDefinition(), cancellationToken);
        return result.Succeeded ? TypedResults.Ok(HookResponse.From(result.Value)) : result.Error.ToProblem();
    }

    private static async Task<IResult> DeleteAsync(HookService service, ClaimsPrincipal user, string name, CancellationToken cancellationToken)
    {
        var result = await service.DeleteAsync(user.ToActor(), name, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }
}
