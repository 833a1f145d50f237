namespace WebhookPortal.Web.Api.OpenApi;

/// <summary>
/// The metadata the OpenAPI document is built from, in a few words per endpoint: what it does, what it answers and
/// with which problems it refuses. <c>/openapi/v1.json</c> and the portal's API reference show it.
/// </summary>
public static class ApiDocs
{
    /// <summary>The endpoint's summary (a line) and description (what a caller needs to know).</summary>
    public static RouteHandlerBuilder Doc(this RouteHandlerBuilder endpoint, string summary, string description) =>
        endpoint.WithSummary(summary).WithDescription(description);

    /// <summary>A successful JSON answer of type <typeparamref name="T"/>, with an example when given.</summary>
    public static RouteHandlerBuilder Answers<T>(this RouteHandlerBuilder endpoint, int status = StatusCodes.Status200OK, string? example = null)
    {
        endpoint.Produces<T>(status);
        return example is null ? endpoint : endpoint.WithMetadata(new ApiExample(status, example));
    }

    /// <summary>A successful answer without a body (204).</summary>
    public static RouteHandlerBuilder AnswersNoContent(this RouteHandlerBuilder endpoint) => endpoint.Produces(StatusCodes.Status204NoContent);

    /// <summary>The request body's example (the schema comes from the handler's body parameter, or <see cref="TakesJson"/>).</summary>
    public static RouteHandlerBuilder Example(this RouteHandlerBuilder endpoint, string json) => endpoint.WithMetadata(new ApiExample(null, json));

    /// <summary>
    /// A JSON object body the handler reads itself (so the framework cannot see it), with an example. Only the
    /// document learns of it: <c>Accepts</c> metadata would also make routing refuse other content types with 415,
    /// which the handler answers better itself (and ingest must take whatever its senders send).
    /// </summary>
    public static RouteHandlerBuilder TakesJson(this RouteHandlerBuilder endpoint, string description, string example, bool requiresJson = true) =>
        endpoint.WithMetadata(new ApiRawBody(description, requiresJson)).Example(example);

    /// <summary>
    /// The problem-details answers the endpoint gives besides those of its group (401, and 403 where a role is
    /// required): 400 carries <c>errors</c> by field; the rest are plain problem details.
    /// </summary>
    public static RouteHandlerBuilder Refuses(this RouteHandlerBuilder endpoint, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _ = status == StatusCodes.Status400BadRequest ? endpoint.ProducesValidationProblem() : endpoint.ProducesProblem(status);
        }

        return endpoint;
    }

    /// <summary>Every endpoint of a group that needs a key: 401 without a valid one.</summary>
    public static RouteGroupBuilder NeedsKey(this RouteGroupBuilder group) => group.ProducesProblem(StatusCodes.Status401Unauthorized);

    /// <summary>Every endpoint of a group limited to some roles: 403 for a key of another role.</summary>
    public static RouteGroupBuilder NeedsRole(this RouteGroupBuilder group) => group.ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>A list endpoint: a page of <typeparamref name="T"/>, and 400 for invalid paging or filters.</summary>
    public static RouteHandlerBuilder AnswersPage<T>(this RouteHandlerBuilder endpoint, string? example = null) =>
        endpoint.Answers<PageResponse<T>>(StatusCodes.Status200OK, example).Refuses(StatusCodes.Status400BadRequest);
}
