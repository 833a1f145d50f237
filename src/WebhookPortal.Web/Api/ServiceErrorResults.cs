using WebhookPortal.Core.Common;

namespace WebhookPortal.Web.Api;

/// <summary>Turns a service's refusal into RFC 7807 problem details with the matching status.</summary>
public static class ServiceErrorResults
{
    public static IResult ToProblem(this ServiceError error) => error.Kind switch
    {
        ServiceErrorKind.Invalid => TypedResults.ValidationProblem(
            error.Fields ?? new Dictionary<string, string[]>(), detail: error.Detail, title: error.Title),
        ServiceErrorKind.NotFound => TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound, title: error.Title, detail: error.Detail),
        ServiceErrorKind.Forbidden => TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden, title: error.Title, detail: error.Detail),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: error.Title, detail: error.Detail),
    };
}
