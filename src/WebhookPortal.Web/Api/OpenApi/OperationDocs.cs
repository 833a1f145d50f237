using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi.Models;

namespace WebhookPortal.Web.Api.OpenApi;

/// <summary>
/// Completes each operation from its endpoint's metadata: the bearer key it needs, the examples given with
/// <see cref="ApiDocs"/>, and a description for the query parameters the API uses everywhere.
/// </summary>
public sealed class OperationDocs : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> CommonParameters = new(StringComparer.Ordinal)
    {
        ["page"] = "The page to return, from 1. Default 1.",
        ["pageSize"] = $"Items per page, 1 to {Paging.MaxPageSize}. Default {Paging.DefaultPageSize}.",
        ["hook"] = "Only those of this hook (its name, such as order.paid).",
        ["id"] = "The id, as the API returned it.",
        ["name"] = "The name, as the API returned it.",
        ["listenerId"] = "Only deliveries to this listener (lst_…).",
        ["owner"] = "Only those of listeners owned by this customer account id.",
        ["status"] = "Only deliveries in this state: Pending, Sending, Succeeded, Failed or Cancelled.",
        ["httpStatus"] = "Only deliveries whose last attempt got this HTTP status.",
        ["eventId"] = "Only deliveries of this event (evt_…).",
        ["url"] = "Only those whose listener URL contains this text.",
        ["since"] = "Only those made at or after this time (ISO 8601).",
        ["until"] = "Only those made before this time (ISO 8601).",
        ["enabled"] = "true for enabled listeners only, false for disabled ones only.",
        ["sort"] = "Sort by CreatedAt (default), Url or Hook.",
        ["direction"] = "asc or desc (default).",
        ["held"] = "What to do with the deliveries held while it was off: send (default) or discard.",
        ["dryRun"] = "true: count the deliveries the filter matches and replay none.",
        ["search"] = "Text in the hook's name or description.",
        ["source"] = "Only hooks defined in code (EntityChange) or through the portal and API (Api).",
        ["origin"] = "Only events that came this way: Api, EntityChange, Test or Inbound.",
        ["role"] = "Only accounts of this role: Admin, Support or Customer.",
        ["accountId"] = "An admin may name another account; anyone else gets their own.",
        ["hours"] = "How long the link works: 1 to 168 hours. Default 24.",
        ["action"] = "Only entries of this action, such as listener.created.",
        ["targetId"] = "Only entries about this id.",
        ["actor"] = "Only entries by this person or key (text in its name).",
        ["Idempotency-Key"] = "1 to 255 printable ASCII characters naming this event in your system. A repeat with the same key returns the first event (and the header Idempotent-Replayed: true) instead of storing another.",
        ["Path:source"] = "The inbound source's name, as set up under Sources.",
        ["bucket"] = "The receiver bucket to record the request in.",
        ["jobId"] = "The bulk replay's id (rpl_…).",
    };

    private static readonly Dictionary<string, string> ProblemDescriptions = new(StringComparer.Ordinal)
    {
        ["400"] = "The request is not valid: the problem's errors name each field and what to fix.",
        ["401"] = "No valid key: send Authorization: Bearer <key> (a revoked key is refused).",
        ["403"] = "The key's role does not allow this call.",
        ["404"] = "Nothing has that id or name (or it belongs to another customer).",
        ["409"] = "It cannot be done in the current state; the problem's detail says why and what to do.",
        ["413"] = "The body is larger than the limit the detail names.",
        ["415"] = "The body is not sent as JSON (Content-Type: application/json).",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security.Add(DocumentDocs.BearerRequirement());
        }

        DescribeParameters(operation);
        var raw = metadata.OfType<ApiRawBody>().FirstOrDefault();
        if (raw is not null)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = raw.Description,
                Content = { ["application/json"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = "object" } } },
            };
        }

        // A JSON body sent as something else is refused with 415 (by routing for bound bodies, by JsonBody for the rest).
        if (operation.RequestBody is not null && raw?.RequiresJson != false && !operation.Responses.ContainsKey("415"))
        {
            operation.Responses["415"] = new OpenApiResponse { Content = { ["application/problem+json"] = ProblemDetailsBody() } };
        }

        DescribeProblems(operation);
        AddExamples(operation, metadata.OfType<ApiExample>());
        return Task.CompletedTask;
    }

    private static void DescribeParameters(OpenApiOperation operation)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (string.IsNullOrEmpty(parameter.Description) &&
                (CommonParameters.TryGetValue($"{parameter.In}:{parameter.Name}", out var description) ||
                 CommonParameters.TryGetValue(parameter.Name, out description)))
            {
                parameter.Description = description;
            }
        }
    }

    private static void DescribeProblems(OpenApiOperation operation)
    {
        foreach (var (status, response) in operation.Responses)
        {
            if (response.Content.ContainsKey("application/problem+json") && ProblemDescriptions.TryGetValue(status, out var problem))
            {
                response.Description = problem;
            }
        }
    }

    private static void AddExamples(OpenApiOperation operation, IEnumerable<ApiExample> examples)
    {
        foreach (var example in examples)
        {
            var content = example.Status is { } status
                ? operation.Responses.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response) ? response.Content : null
                : operation.RequestBody?.Content;
            foreach (var media in content?.Values ?? [])
            {
                media.Example = OpenApiJson.Parse(example.Json);
            }
        }
    }

    /// <summary>The problem-details schema every other refusal of the document refers to (the 401 of every API call makes sure it is there).</summary>
    private static OpenApiMediaType ProblemDetailsBody() => new()
    {
        Schema = new OpenApiSchema { Reference = new OpenApiReference { Type = ReferenceType.Schema, Id = "ProblemDetails" } },
    };
}
