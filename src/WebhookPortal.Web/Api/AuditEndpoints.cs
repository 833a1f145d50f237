using WebhookPortal.Web.Api.OpenApi;
using System.Security.Claims;
using WebhookPortal.Core.Audit;
using WebhookPortal.Web.Accounts;

namespace WebhookPortal.Web.Api;

/// <summary><c>GET /api/audit</c>: the audit trail, newest first, for admins.</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", ListAsync).WithTags("Audit").WithName("ListAuditEntries").RequireAuthorization(PortalPolicies.ApiAdmin)
            .Doc("List the audit trail", "Newest first; entries are never changed or removed. Admins only.")
            .AnswersPage<AuditEntry>().Refuses(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<IResult> ListAsync(
        AuditLog audit, ClaimsPrincipal user, string? action, string? targetId, string? actor, DateTimeOffset? since, DateTimeOffset? until,
        int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (paging, errors) = Paging.From(page, pageSize);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query parameters are not valid");
        }

        var result = await audit.ListAsync(user.ToActor(), new AuditQuery
        {
            Action = action, TargetId = targetId, Actor = actor, Since = since, Until = until,
            Skip = paging.Skip, Take = Math.Min(paging.PageSize, AuditQuery.MaxPageSize),
        }, cancellationToken);
        return TypedResults.Ok(new PageResponse<AuditEntry>(result.Items, result.TotalCount, paging.Page, paging.PageSize));
    }
}
