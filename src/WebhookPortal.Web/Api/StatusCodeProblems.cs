using Microsoft.AspNetCore.Diagnostics;

namespace WebhookPortal.Web.Api;

/// <summary>
/// A REST answer with an error status and no body of its own (no route, wrong method, not JSON) gets a
/// problem-details body that says what to do.
/// </summary>
public static class StatusCodeProblems
{
    public static IApplicationBuilder UseStatusCodeProblems(this IApplicationBuilder api) =>
        api.UseStatusCodePages(async statusContext =>
        {
            var context = statusContext.HttpContext;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = context.Response.StatusCode,
                    Detail = context.Response.StatusCode switch
                    {
                        StatusCodes.Status404NotFound => $"No API endpoint is at {context.Request.Path}.",
                        StatusCodes.Status405MethodNotAllowed => $"{context.Request.Path} does not accept {context.Request.Method}.",
                        StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON, with the header 'Content-Type: application/json'.",
                        _ => null,
                    },
                },
            });
        });
}
