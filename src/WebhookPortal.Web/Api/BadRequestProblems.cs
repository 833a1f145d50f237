namespace WebhookPortal.Web.Api;

/// <summary>
/// A request the framework could not bind (unreadable JSON, a query value of the wrong type) is the
/// caller's mistake: it is answered with a 400 problem that says what failed to bind, and logged as
/// information rather than as a server error.
/// </summary>
public static class BadRequestProblems
{
    public static IApplicationBuilder UseBadRequestProblems(this IApplicationBuilder api) => api.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException badRequest) when (!context.Response.HasStarted)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BadRequestProblems))
                .LogInformation("Refused an unreadable request to {Path}: {Problem}", context.Request.Path, badRequest.Message);
            context.Response.StatusCode = badRequest.StatusCode;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = badRequest.StatusCode,
                    Title = "The request is not valid",
                    // A JSON body's own error says where it broke ("… LineNumber: 0 | BytePositionInLine: 7").
                    Detail = badRequest.InnerException is System.Text.Json.JsonException json
                        ? $"The body is not valid JSON: {json.Message}"
                        : badRequest.Message,
                },
            });
        }
    });
}
