using WebhookPortal.Web.Api.OpenApi;
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
        api.MapPost("/filters/preview", PreviewAsync).WithTags("Listeners").WithName("PreviewFilters").RequireAuthorization(PortalPolicies.ApiAdmin)
            .Doc("Preview match filters", "Runs filters against `payload` (a JSON object, or its text as a string; the hook's sample " +
                "when left out or null), cut down to the hook's provided fields exactly as a delivery would be, and says in words why " +
                "each filter passed or failed. An empty payload, text that is not JSON or a value that is not an object is refused " +
                "with 400 naming `payload`. Admins only.")
            .Example(ApiExamples.FilterPreviewRequest).Answers<FilterPreviewResponse>()
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
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

        // Left out or null: the hook's sample. A string is the payload's text, as the portal's form sends it.
        var payload = request.Payload.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => null,
            JsonValueKind.String => request.Payload.GetString(),
            _ => request.Payload.GetRawText(),
        };
        var result = await preview.RunAsync(request.Hook, filters, payload, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(new FilterPreviewResponse(result.Value.Matched,
                result.Value.Outcomes.Select(o => new FilterPreviewOutcome(o.Index, o.Filter.Field, o.Passed, o.Explanation)).ToList()))
            : result.Error.ToProblem();
    }
}
