using Microsoft.AspNetCore.Diagnostics;

namespace WebhookPortal.Web.Api;

/// <summary>
/// A request the framework could not bind (a query value of the wrong type, an unreadable body)
/// is the caller's mistake: answer 400 with what failed to bind, never 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = badRequest.StatusCode,
                Title = "The request is not valid",
                Detail = badRequest.Message,
            },
        });
    }
}
