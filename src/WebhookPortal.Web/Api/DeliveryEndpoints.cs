using WebhookPortal.Web.Api.OpenApi;
using System.Security.Claims;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Web.Accounts;

namespace WebhookPortal.Web.Api;

/// <summary>
/// <c>/api/deliveries</c>: the delivery log (scoped: a customer's key reads only its own listeners' deliveries),
/// one delivery with every attempt, and replay, one or in bulk (support and admins).
/// </summary>
public static class DeliveryEndpoints
{
    public static RouteGroupBuilder MapDeliveryEndpoints(this RouteGroupBuilder api)
    {
        var deliveries = api.MapGroup("/deliveries").WithTags("Deliveries");
        deliveries.MapGet("/", ListAsync).WithName("ListDeliveries")
            .Doc("List deliveries", "The delivery log, newest first; every query parameter narrows it. A customer's key sees only its own " +
                $"listeners' deliveries. pageSize is at most {DeliveryLog.MaxPageSize}.")
            .AnswersPage<DeliveryLogRow>(ApiExamples.DeliveryPage);
        deliveries.MapGet("/{id}", GetAsync).WithName("GetDelivery")
            .Doc("Get a delivery", "With its payload and every attempt, oldest first: the request headers (secrets redacted), the answer's " +
                "status, headers and body (cut at Delivery:ResponseBodyLimitBytes), the error kind and what went wrong.")
            .Answers<DeliveryDetails>().Refuses(StatusCodes.Status404NotFound);
        deliveries.MapPost("/{id}/replay", ReplayAsync).WithName("ReplayDelivery")
            .Doc("Replay a delivery", "Sends a finished (succeeded or failed) delivery once more, as a new attempt with trigger `Replay` and " +
                "the same `webhook-id`. Support and admins.")
            .Answers<DeliveryDetails>(StatusCodes.Status202Accepted)
            .Refuses(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        deliveries.MapPost("/replay", ReplayManyAsync).WithName("ReplayDeliveries").RequireAuthorization(PortalPolicies.ApiStaff)
            .Doc("Replay many deliveries", "Replays every finished delivery the filter in the body matches (those that exist when asked), " +
                "in the background; follow it at the Location returned. With `dryRun=true` only counts them (200). Support and admins.")
            .Example(ApiExamples.BulkReplayRequest)
            .Answers<BulkReplayResponse>(StatusCodes.Status200OK, ApiExamples.BulkReplayDryRun)
            .Answers<BulkReplayResponse>(StatusCodes.Status202Accepted, ApiExamples.BulkReplayStarted)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);
        deliveries.MapGet("/replay/{jobId}", GetReplayJobAsync).WithName("GetBulkReplay").RequireAuthorization(PortalPolicies.ApiStaff)
            .Doc("Get a bulk replay", "How many deliveries it takes and how many have been queued so far. Support and admins.")
            .Answers<BulkReplayResponse>(StatusCodes.Status200OK, ApiExamples.BulkReplayStarted)
            .Refuses(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(
        DeliveryLog log, ClaimsPrincipal user, string? listenerId, string? hook, int? owner, string? status, int? httpStatus,
        string? eventId, string? url, DateTimeOffset? since, DateTimeOffset? until, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (paging, errors) = Paging.From(page, pageSize);
        var state = EnumText.ReadQuery<DeliveryStatus>(status, "status", errors);
        if (paging.PageSize > DeliveryLog.MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {DeliveryLog.MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query parameters are not valid");
        }

        var filter = new DeliveryFilter
        {
            ListenerId = listenerId, Hook = hook, OwnerAccountId = owner, Status = state, HttpStatus = httpStatus, EventId = eventId,
            UrlContains = url, Since = since, Until = until,
        };
        var result = await log.ListAsync(user.ToActor(), filter, paging.Skip, paging.PageSize, cancellationToken);
        return TypedResults.Ok(new PageResponse<DeliveryLogRow>(result.Items, result.TotalCount, paging.Page, paging.PageSize));
    }

    private static async Task<IResult> GetAsync(DeliveryLog log, ClaimsPrincipal user, string id, CancellationToken cancellationToken) =>
        await log.FindAsync(user.ToActor(), id, cancellationToken) is { } delivery
            ? TypedResults.Ok(delivery)
            : NotFound(id).ToProblem();

    private static async Task<IResult> ReplayAsync(ReplayService replays, ClaimsPrincipal user, string id, CancellationToken cancellationToken)
    {
        var result = await replays.ReplayAsync(user.ToActor(), id, cancellationToken);
        return result.Succeeded ? TypedResults.Accepted($"/api/deliveries/{id}", result.Value) : result.Error.ToProblem();
    }

    /// <summary>Replays every finished delivery the filter in the body matches; <c>?dryRun=true</c> only counts them.</summary>
    private static async Task<IResult> ReplayManyAsync(
        ReplayService replays, ClaimsPrincipal user, DeliveryFilter? filter, bool? dryRun, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        filter ??= new DeliveryFilter();
        if (dryRun == true)
        {
            return TypedResults.Ok(new BulkReplayResponse(null, await replays.CountReplayableAsync(actor, filter, cancellationToken), 0, false));
        }

        var result = await replays.StartBulkAsync(actor, filter, cancellationToken);
        return result.Succeeded
            ? TypedResults.Accepted($"/api/deliveries/replay/{result.Value.Id}", BulkReplayResponse.From(result.Value))
            : result.Error.ToProblem();
    }

    private static async Task<IResult> GetReplayJobAsync(ReplayService replays, ClaimsPrincipal user, string jobId, CancellationToken cancellationToken) =>
        await replays.FindJobAsync(user.ToActor(), jobId, cancellationToken) is { } job
            ? TypedResults.Ok(BulkReplayResponse.From(job))
            : ServiceError.NotFound("Bulk replay not found", $"No bulk replay has the id '{jobId}'.").ToProblem();

    private static ServiceError NotFound(string id) => ServiceError.NotFound("Delivery not found", $"No delivery has the id '{id}'.");
}

/// <summary>A bulk replay: how many deliveries it takes (<see cref="Queued"/> of <see cref="Total"/> so far) and whether it is done.</summary>
public sealed record BulkReplayResponse(
    [property: System.ComponentModel.Description("The bulk replay's id (rpl_…); null for a dry run.")] string? JobId,
    [property: System.ComponentModel.Description("How many finished deliveries the filter matched when it was asked.")] int Total,
    [property: System.ComponentModel.Description("How many have been queued again so far.")] int Queued,
    [property: System.ComponentModel.Description("Whether every one has been queued.")] bool Completed)
{
    public static BulkReplayResponse From(ReplayJob job) => new(job.Id, job.Total, job.Queued, job.CompletedAt is not null);
}
