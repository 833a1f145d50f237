using WebhookPortal.Web.Api.OpenApi;
using WebhookPortal.Web.Accounts;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Events;

namespace WebhookPortal.Web.Api;

/// <summary>
/// <c>POST /api/hooks/{name}/events</c> publishes; <c>GET /api/events</c> and <c>/api/events/{id}</c> read
/// events with their deliveries.
/// </summary>
public static class EventEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/hooks/{name}/events", PublishAsync).WithTags("Events").WithName("PublishEvent").RequireAuthorization(PortalPolicies.ApiAdmin)
            .Doc("Publish an event", "The body is the event's payload, a JSON object (at most `Events:MaxPayloadBytes`); only the hook's " +
                "provided fields reach listeners. The event and a delivery to every enabled listener whose filters match are stored " +
                "together, then sent. Send an `Idempotency-Key` so a retry cannot publish twice. Admins only.")
            .TakesJson("The event's payload: any JSON object; only the hook's provided fields reach listeners.", ApiExamples.PublishRequest)
            .Answers<PublishedEventResponse>(StatusCodes.Status202Accepted, ApiExamples.PublishResponse)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
                StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        var events = api.MapGroup("/events").WithTags("Events").RequireAuthorization(PortalPolicies.ApiStaff).NeedsRole();
        events.MapGet("/", ListAsync).WithName("ListEvents")
            .Doc("List events", "Newest first. Support and admins.")
            .AnswersPage<EventSummary>();
        events.MapGet("/{id}", GetAsync).WithName("GetEvent")
            .Doc("Get an event", "Its payload as delivered, where it came from, its idempotency key and the deliveries it made.")
            .Answers<EventResponse>().Refuses(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> PublishAsync(
        HttpContext http, EventPublisher publisher, IOptions<EventOptions> options, string name,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadObjectAsync(http.Request, options.Value.MaxPayloadBytes, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        using var document = body.Document!;
        var result = await publisher.PublishAsync(
            new PublishRequest(name, document.RootElement, EventOrigin.Api, IdempotencyKey: idempotencyKey), cancellationToken);
        if (!result.Succeeded)
        {
            return result.Error.ToProblem();
        }

        if (result.Value.Repeated)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return TypedResults.Accepted($"/api/events/{result.Value.EventId}",
            new PublishedEventResponse(result.Value.EventId, result.Value.Deliveries));
    }

    private static async Task<IResult> ListAsync(
        EventService events, string? hook, string? origin, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (paging, errors) = Paging.From(page, pageSize);
        var originFilter = EnumText.ReadQuery<EventOrigin>(origin, "origin", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query parameters are not valid");
        }

        var result = await events.ListAsync(
            new EventQuery { Hook = hook, Origin = originFilter, Skip = paging.Skip, Take = paging.PageSize }, cancellationToken);
        return TypedResults.Ok(new PageResponse<EventSummary>(result.Items, result.TotalCount, paging.Page, paging.PageSize));
    }

    private static async Task<IResult> GetAsync(EventService events, string id, CancellationToken cancellationToken)
    {
        var found = await events.FindAsync(id, cancellationToken);
        if (found is null)
        {
            return ServiceError.NotFound("Event not found", $"No event has the id '{id}'.").ToProblem();
        }

        using var payload = JsonDocument.Parse(found.Payload);
        return TypedResults.Ok(new EventResponse(found.Id, found.Hook, payload.RootElement.Clone(), found.Origin, found.OriginDetail,
            found.IdempotencyKey, found.CreatedAt, found.Deliveries));
    }
}
