using WebhookPortal.Core.Hooks;

namespace WebhookPortal.Web.Api;

/// <summary><c>GET /api/hooks</c> and <c>GET /api/hooks/{name}</c>: the catalogue, as the portal shows it.</summary>
public static class HookEndpoints
{
    public static RouteGroupBuilder MapHookEndpoints(this RouteGroupBuilder api)
    {
        var hooks = api.MapGroup("/hooks").WithTags("Hooks");
        hooks.MapGet("/", ListAsync).WithName("ListHooks");
        hooks.MapGet("/{name}", GetAsync).WithName("GetHook");
        return api;
    }

    private static async Task<IResult> ListAsync(
        HookCatalog catalog, string? search, string? source, int? page, int? pageSize,
        CancellationToken cancellationToken)
    {
        var (paging, errors) = Paging.From(page, pageSize);
        HookSource? sourceFilter = null;
        if (!string.IsNullOrEmpty(source))
        {
            if (Enum.TryParse<HookSource>(source, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                sourceFilter = parsed;
            }
            else
            {
                errors ??= new Dictionary<string, string[]>();
                errors["source"] = [$"source must be one of: {string.Join(", ", Enum.GetNames<HookSource>())}."];
            }
        }

        if (errors is not null)
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
}
