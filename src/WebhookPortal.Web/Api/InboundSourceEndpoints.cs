using WebhookPortal.Web.Api.OpenApi;
using WebhookPortal.Web.Accounts;
using WebhookPortal.Core.Inbound;

namespace WebhookPortal.Web.Api;

/// <summary>
/// <c>/api/sources</c>: inbound sources and their refused requests, through the same service the portal's pages use.
/// The body of <c>POST</c> and <c>PUT</c> is <see cref="InboundSourceInput"/> itself; <c>enabled</c> defaults to true.
/// </summary>
public static class InboundSourceEndpoints
{
    public static RouteGroupBuilder MapInboundSourceEndpoints(this RouteGroupBuilder api)
    {
        var sources = api.MapGroup("/sources").WithTags("Inbound sources").RequireAuthorization(PortalPolicies.ApiAdmin).NeedsRole();
        sources.MapGet("/", ListAsync).WithName("ListSources")
            .Doc("List inbound sources", "Every sender set up to post to /ingest/{source}. Admins only.")
            .AnswersPage<InboundSourceSummary>();
        sources.MapPost("/", CreateAsync).WithName("CreateSource")
            .Doc("Create an inbound source", "scheme is StandardWebhooks, GitHub, Stripe or SharedSecret (with headerName). For Standard " +
                "Webhooks the portal makes the secret when none is given and answers it once, in secret. Admins only.")
            .Example(ApiExamples.SourceRequest).Answers<InboundSourceResponse>(StatusCodes.Status201Created).Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);
        sources.MapGet("/{name}", GetAsync).WithName("GetSource")
            .Doc("Get an inbound source", "Its settings; the secret only as a hint.")
            .Answers<InboundSourceResponse>().Refuses(StatusCodes.Status404NotFound);
        sources.MapPut("/{name}", UpdateAsync).WithName("UpdateSource")
            .Doc("Update an inbound source", "The name cannot change; an empty secret keeps the current one. Admins only.")
            .Example(ApiExamples.SourceRequest).Answers<InboundSourceResponse>().Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        sources.MapDelete("/{name}", DeleteAsync).WithName("DeleteSource")
            .Doc("Delete an inbound source", "Requests to its ingest path are refused from then on. Admins only.")
            .AnswersNoContent().Refuses(StatusCodes.Status404NotFound);
        sources.MapPost("/{name}/rotate-secret", RotateSecretAsync).WithName("RotateSourceSecret")
            .Doc("Rotate an inbound source's secret", "Standard Webhooks sources only (409 for the others, whose secret the sender " +
                "issues); the previous secret is still accepted for the overlap. Admins only.")
            .Answers<RotatedSourceSecret>().Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        sources.MapGet("/{name}/rejections", ListRejectionsAsync).WithName("ListSourceRejections")
            .Doc("List a source's refused requests", "Newest first, with why each was refused; header names only, and the body's length only.")
            .AnswersPage<InboundRejectionResponse>().Refuses(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(InboundSourceService service, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (paging, errors) = Paging.From(page, pageSize);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query parameters are not valid");
        }

        var result = await service.ListAsync(paging.Skip, paging.PageSize, cancellationToken);
        return TypedResults.Ok(new PageResponse<InboundSourceSummary>(result.Items, result.TotalCount, paging.Page, paging.PageSize));
    }

    private static async Task<IResult> CreateAsync(
        InboundSourceService service, TimeProvider clock, InboundSourceInput request, CancellationToken cancellationToken)
    {
        var result = await service.CreateAsync(request, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/sources/{result.Value.Source.Name}",
                InboundSourceResponse.From(result.Value.Source, clock.GetUtcNow(), result.Value.GeneratedSecret))
            : result.Error.ToProblem();
    }

    private static async Task<IResult> GetAsync(InboundSourceService service, TimeProvider clock, string name, CancellationToken cancellationToken)
    {
        var source = await service.FindAsync(name, cancellationToken);
        return source is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Source not found",
                detail: $"No inbound source is named '{name}'. GET /api/sources lists them.")
            : TypedResults.Ok(InboundSourceResponse.From(source, clock.GetUtcNow()));
    }

    private static async Task<IResult> UpdateAsync(
        InboundSourceService service, TimeProvider clock, string name, InboundSourceInput request, CancellationToken cancellationToken)
    {
        var result = await service.UpdateAsync(name, request, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(InboundSourceResponse.From(result.Value.Source, clock.GetUtcNow(), result.Value.GeneratedSecret))
            : result.Error.ToProblem();
    }

    private static async Task<IResult> DeleteAsync(InboundSourceService service, string name, CancellationToken cancellationToken)
    {
        var result = await service.DeleteAsync(name, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    private static async Task<IResult> RotateSecretAsync(InboundSourceService service, string name, CancellationToken cancellationToken)
    {
        var result = await service.RotateSecretAsync(name, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<IResult> ListRejectionsAsync(
        InboundSourceService service, string name, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (paging, errors) = Paging.From(page, pageSize);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query parameters are not valid");
        }

        var result = await service.ListRejectionsAsync(name, paging.Skip, paging.PageSize, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(new PageResponse<InboundRejectionResponse>(
                result.Value.Items.Select(InboundRejectionResponse.From).ToList(), result.Value.TotalCount, paging.Page, paging.PageSize))
            : result.Error.ToProblem();
    }
}
