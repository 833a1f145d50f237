using WebhookPortal.Web.Accounts;
using System.Text.Json;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Web.Api;

/// <summary><c>POST /api/filters/preview</c>: try filters on a payload before saving them, as the portal's form does.</summary>
public static class FilterPreviewEndpoints
{
    public static RouteGroupBuilder MapFilterPreviewEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/filters/preview", PreviewAsync).WithTags("Listeners").WithName("PreviewFilters").RequireAuthorization(PortalPolicies.ApiAdmin);
        return api;
    }

    private static async Task<IResult> PreviewAsync(FilterPreview preview, FilterPreviewRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var filters = FilterBodies.Read(request.Filters, errors);
        if (errors.Any)
        {
            return ServiceError.Invalid("The preview cannot run", errors.ToDictionary()).ToProblem();
        }

        var payload = request.Payload is { ValueKind: not JsonValueKind.Undefined } given ? given.GetRawText() : null;
        var result = await preview.RunAsync(request.Hook, filters, payload, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(new
            {
                matched = result.Value.Matched,
                outcomes = result.Value.Outcomes.Select(o => new
                {
                    index = o.Index, field = o.Filter.Field, passed = o.Passed, explanation = o.Explanation,
                }),
            })
            : result.Error.ToProblem();
    }
}
