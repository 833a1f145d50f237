using WebhookPortal.Web.Api.OpenApi;
using System.Security.Claims;
using WebhookPortal.Core.Common;
using WebhookPortal.Web.Accounts;
using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Web.Api;

/// <summary><c>/api/listeners</c>: the same listener service the portal's pages use.</summary>
public static class ListenerEndpoints
{
    public static RouteGroupBuilder MapListenerEndpoints(this RouteGroupBuilder api)
    {
        var listeners = api.MapGroup("/listeners").WithTags("Listeners");
        listeners.MapGet("/", ListAsync).WithName("ListListeners")
            .Doc("List listeners", "Newest first unless sorted otherwise; a customer's key sees only its own listeners.")
            .AnswersPage<ListenerSummary>();
        listeners.MapPost("/", CreateAsync).WithName("CreateListener")
            .Doc("Create a listener", "The answer holds the full signing secret (`secret`), the only time it is shown; store it. " +
                "`warnings` says why deliveries to the URL may not arrive (refused by the egress rules, or the host does not resolve). " +
                "Admins only.")
            .Example(ApiExamples.ListenerRequest).Answers<ListenerResponse>(StatusCodes.Status201Created, ApiExamples.ListenerCreated)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        listeners.MapGet("/{id}", GetAsync).WithName("GetListener")
            .Doc("Get a listener", "Every setting; the secret only as a hint (`secretHint`).")
            .Answers<ListenerResponse>().Refuses(StatusCodes.Status404NotFound);
        listeners.MapPut("/{id}", UpdateAsync).WithName("UpdateListener")
            .Doc("Update a listener", "Replaces the hook, URL, description, headers, filters and owner. The hook may change: the filters " +
                "are then checked against the new hook's provided fields, later events of the new hook are delivered, and deliveries " +
                "already made stay as they are. Send the `version` you read: a listener changed since is refused with 409. Admins only.")
            .Example(ApiExamples.ListenerRequest).Answers<ListenerResponse>()
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        listeners.MapDelete("/{id}", DeleteAsync).WithName("DeleteListener")
            .Doc("Delete a listener", "Its unsent deliveries are cancelled; its history stays in the delivery log. Admins only.")
            .AnswersNoContent().Refuses(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        listeners.MapPost("/{id}/rotate-secret", RotateSecretAsync).WithName("RotateListenerSecret")
            .Doc("Rotate a listener's signing secret", "Answers the new secret in full. Until `previousSecretExpiresAt` every delivery " +
                "carries a second signature made with the previous secret, so the receiver can switch without losing any. Admins only.")
            .Answers<RotatedSecret>().Refuses(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        listeners.MapGet("/{id}/secret", RevealSecretAsync).WithName("RevealListenerSecret")
            .Doc("Reveal a listener's signing secret", "For admins, and for accounts allowed to see secrets; the reveal is audited.")
            .Answers<RevealedSecret>().Refuses(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        listeners.MapPost("/{id}/enable", EnableAsync).WithName("EnableListener")
            .Doc("Enable a listener", "Clears its failure record; the deliveries held while it was off are sent (`held=send`) or cancelled " +
                "(`held=discard`). Admins only.")
            .Answers<ListenerResponse>().Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        listeners.MapPost("/{id}/disable", DisableAsync).WithName("DisableListener")
            .Doc("Disable a listener", "Deliveries of new events are kept (held) until it is enabled again, not lost. Admins only.")
            .Answers<ListenerResponse>().Refuses(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        listeners.MapGet("/{id}/stats", StatsAsync).WithName("GetListenerStats")
            .Doc("Get a listener's delivery statistics", "Attempts and success rate over the last day and week, p50/p95 duration, " +
                "hourly and daily buckets, and what waits for it.")
            .Answers<ListenerStats>().Refuses(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(
        ListenerService service, ClaimsPrincipal user, string? hook, string? url, bool? enabled, int? owner, string? sort, string? direction,
        int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (paging, errors) = Paging.From(page, pageSize);
        var sortBy = EnumText.ReadQuery<ListenerSortField>(sort, "sort", errors) ?? ListenerSortField.CreatedAt;
        var order = EnumText.ReadQuery<SortDirection>(direction?.ToLowerInvariant() switch
        {
            "asc" => nameof(SortDirection.Ascending),
            "desc" => nameof(SortDirection.Descending),
            _ => direction,
        }, "direction", errors) ?? SortDirection.Descending;
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query parameters are not valid");
        }

        var result = await service.ListAsync(user.ToActor(), new ListenerQuery
        {
            Hook = hook, UrlContains = url, Enabled = enabled, OwnerAccountId = owner, SortBy = sortBy, Direction = order,
            Skip = paging.Skip, Take = paging.PageSize,
        }, cancellationToken);
        return TypedResults.Ok(new PageResponse<ListenerSummary>(result.Items, result.TotalCount, paging.Page, paging.PageSize));
    }

    private static async Task<IResult> CreateAsync(
        ListenerService service, ClaimsPrincipal user, TimeProvider clock, ListenerRequest request, CancellationToken cancellationToken)
    {
        var (input, unreadable) = await ReadAsync(service, request, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable.ToProblem();
        }

        var result = await service.CreateAsync(user.ToActor(), input, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/listeners/{result.Value.Listener.Id}",
                ListenerResponse.From(result.Value.Listener, clock.GetUtcNow(), result.Value.Secret, result.Value.Warnings))
            : result.Error.ToProblem();
    }

    private static async Task<IResult> GetAsync(ListenerService service, ClaimsPrincipal user, TimeProvider clock, string id, CancellationToken cancellationToken)
    {
        var listener = await service.FindAsync(user.ToActor(), id, cancellationToken);
        return listener is null
            ? ServiceError.NotFound("Listener not found", $"No listener has the id '{id}'.").ToProblem()
            : TypedResults.Ok(ListenerResponse.From(listener, clock.GetUtcNow()));
    }

    private static async Task<IResult> UpdateAsync(
        ListenerService service, ClaimsPrincipal user, TimeProvider clock, string id, ListenerRequest request, CancellationToken cancellationToken)
    {
        var (input, unreadable) = await ReadAsync(service, request, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable.ToProblem();
        }

        var result = await service.UpdateAsync(user.ToActor(), id, input, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(ListenerResponse.From(result.Value, clock.GetUtcNow(), warnings: result.Warnings))
            : result.Error.ToProblem();
    }

    private static async Task<IResult> DeleteAsync(ListenerService service, ClaimsPrincipal user, string id, CancellationToken cancellationToken)
    {
        var result = await service.DeleteAsync(user.ToActor(), id, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    private static async Task<IResult> RotateSecretAsync(ListenerService service, ClaimsPrincipal user, string id, CancellationToken cancellationToken)
    {
        var result = await service.RotateSecretAsync(user.ToActor(), id, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<IResult> RevealSecretAsync(ListenerService service, ClaimsPrincipal user, string id, CancellationToken cancellationToken)
    {
        var result = await service.RevealSecretAsync(user.ToActor(), id, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(new RevealedSecret(result.Value)) : result.Error.ToProblem();
    }

    /// <param name="held">What to do with the deliveries held while it was off: <c>send</c> (the default) or <c>discard</c>.</param>
    private static async Task<IResult> EnableAsync(
        ListenerService service, ClaimsPrincipal user, TimeProvider clock, string id, string? held, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var choice = EnumText.ReadQuery<HeldDeliveries>(held, "held", errors) ?? HeldDeliveries.Send;
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query parameters are not valid");
        }

        var result = await service.SetEnabledAsync(user.ToActor(), id, true, cancellationToken, choice);
        return result.Succeeded ? TypedResults.Ok(ListenerResponse.From(result.Value, clock.GetUtcNow())) : result.Error.ToProblem();
    }

    private static async Task<IResult> DisableAsync(
        ListenerService service, ClaimsPrincipal user, TimeProvider clock, string id, CancellationToken cancellationToken)
    {
        var result = await service.SetEnabledAsync(user.ToActor(), id, false, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(ListenerResponse.From(result.Value, clock.GetUtcNow())) : result.Error.ToProblem();
    }

    private static async Task<IResult> StatsAsync(ListenerStatsService stats, ClaimsPrincipal user, string id, CancellationToken cancellationToken) =>
        await stats.GetAsync(user.ToActor(), id, cancellationToken) is { } found
            ? TypedResults.Ok(found)
            : ServiceError.NotFound("Listener not found", $"No listener has the id '{id}'.").ToProblem();

    /// <summary>
    /// The request as service input. An operator the API cannot read is reported together with every
    /// other problem of the request, so the caller can fix them all at once.
    /// </summary>
    private static async Task<(ListenerInput Input, ServiceError? Error)> ReadAsync(
        ListenerService service, ListenerRequest request, CancellationToken cancellationToken)
    {
        var unreadable = new FieldErrors();
        var filters = FilterBodies.Read(request.Filters, unreadable);
        var input = new ListenerInput(request.Hook, request.Url, request.Description, request.Enabled ?? true,
            request.Headers ?? [], filters, request.Version, request.OwnerAccountId);
        if (!unreadable.Any)
        {
            return (input, null);
        }

        var others = await service.ValidateAsync(input, cancellationToken);
        if (others?.Kind == ServiceErrorKind.NotFound)
        {
            return (input, others);
        }

        // A filter whose operator could not be read was checked with a stand-in; its other messages would mislead.
        var standIns = unreadable.ToDictionary().Keys.Select(key => key[..(key.IndexOf(']') + 1)]).ToHashSet();
        foreach (var (field, messages) in others?.Fields ?? new Dictionary<string, string[]>())
        {
            if (!standIns.Any(prefix => field.StartsWith(prefix + ".", StringComparison.Ordinal)))
            {
                Array.ForEach(messages, message => unreadable.Add(field, message));
            }
        }

        return (input, ServiceError.Invalid("The listener is not valid", unreadable.ToDictionary()));
    }
}
