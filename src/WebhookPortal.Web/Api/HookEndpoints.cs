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
        hooks.MapGet("/", ListAsync).WithName("ListHooks");
        hooks.MapGet("/{name}", GetAsync).WithName("GetHook");
        hooks.MapPost("/", CreateAsync).WithName("CreateHook").RequireAuthorization(PortalPolicies.ApiAdmin);
        hooks.MapPut("/{name}", UpdateAsync).WithName("UpdateHook").RequireAuthorization(PortalPolicies.ApiAdmin);
        hooks.MapDelete("/{name}", DeleteAsync).WithName("DeleteHook").RequireAuthorization(PortalPolicies.ApiAdmin);
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

    private static async Task<IResult> CreateAsync(HookService service, [FromBody] HookRequest request, CancellationToken cancellationToken)
    {
        var result = await service.CreateAsync(request.ToDefinition(), cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/hooks/{Uri.EscapeDataString(result.Value.Name)}", HookResponse.From(result.Value))
            : result.Error.ToProblem();
    }

    private static async Task<IResult> UpdateAsync(
        HookService service, string name, [FromBody] HookRequest request, CancellationToken cancellationToken)
    {
        var result = await service.UpdateAsync(name, request.ToDefinition(), cancellationToken);
        return result.Succeeded ? TypedResults.Ok(HookResponse.From(result.Value)) : result.Error.ToProblem();
    }

    private static async Task<IResult> DeleteAsync(HookService service, string name, CancellationToken cancellationToken)
    {
        var result = await service.DeleteAsync(name, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }
}
