using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi.Models;

namespace WebhookPortal.Web.Api.OpenApi;

/// <summary>
/// The parts of the document no endpoint carries: what the API is, the bearer key it takes, what each tag groups,
/// and <c>GET /health</c> (a health-check endpoint, which API descriptions do not see).
/// </summary>
public sealed class DocumentDocs : IOpenApiDocumentTransformer
{
    public const string SchemeName = "Bearer";

    private static readonly (string Name, string Description)[] Tags =
    [
        ("Hooks", "The event types: those the application registers in code (read-only here) and those defined in the portal or through this API."),
        ("Events", "Publish an event of a hook; read events and the deliveries each one made."),
        ("Listeners", "Destinations for a hook's events, with match filters, custom headers and a signing secret."),
        ("Deliveries", "The delivery log: every event sent to every listener, with each attempt's request and answer; replay one or many."),
        ("Inbound sources", "Senders outside that post webhooks to /ingest/{source}, each verified by its signature."),
        ("Inbound", "Where inbound sources post. Authenticated by each request's signature, not by an API key."),
        ("Accounts", "Accounts, their API keys and customer links (admins); every key lists and makes its own account's keys."),
        ("Audit", "Every change that matters, who made it and what it was before and after."),
        ("Receiver", "The built-in receiver: a target for the portal's own deliveries and for trying a sender out."),
        ("Health", "Liveness and the database check, for load balancers and monitors."),
        ("Operations", "Metrics for Prometheus and online backups of the database."),
    ];

    public static OpenApiSecurityRequirement BearerRequirement() => new()
    {
        [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = SchemeName } }] = [],
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "WebhookPortal API",
            Version = "v1",
            Description =
                "Everything the portal does, over HTTP and JSON. Send a key in `Authorization: Bearer <key>`: an account's API key " +
                "(Account → API keys in the portal), which acts with the account's role, or the admin key (`Api:AdminKey` in " +
                "appsettings.json). Customers' keys see only their own listeners and deliveries; support keys also read everything " +
                "and replay; admin keys do everything. Errors are RFC 7807 problem details (`application/problem+json`) whose " +
                "`title` and `detail` say what was wrong and what to do; a 400 adds `errors`, the messages by field. Times are " +
                "ISO 8601, enums are written by name.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An account's API key, or the admin key from Api:AdminKey.",
        };
        document.Tags = Tags.Select(tag => new OpenApiTag { Name = tag.Name, Description = tag.Description }).ToList();
        document.Paths["/health"] = Health();
        return Task.CompletedTask;
    }

    private static OpenApiPathItem Health()
    {
        var body = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = "object",
                Properties = new Dictionary<string, OpenApiSchema>
                {
                    ["status"] = new() { Type = "string", Description = "Healthy, Degraded or Unhealthy." },
                    ["durationMs"] = new() { Type = "number", Description = "How long the checks took, in milliseconds." },
                    ["checks"] = new()
                    {
                        Type = "array",
                        Description = "Each check: its name, status, description and duration.",
                        Items = new OpenApiSchema
                        {
                            Type = "object",
                            Properties = new Dictionary<string, OpenApiSchema>
                            {
                                ["name"] = new() { Type = "string" },
                                ["status"] = new() { Type = "string" },
                                ["description"] = new() { Type = "string", Nullable = true },
                                ["durationMs"] = new() { Type = "number" },
                            },
                        },
                    },
                },
            },
            Example = OpenApiJson.Parse("""
                {"status":"Healthy","durationMs":1.8,"checks":[{"name":"database","status":"Healthy","description":"The database answers.","durationMs":1.2}]}
                """),
        };
        return new OpenApiPathItem
        {
            Operations =
            {
                [OperationType.Get] = new OpenApiOperation
                {
                    OperationId = "GetHealth",
                    Summary = "Check the portal's health",
                    Description = "Answers 200 while the portal runs and its database answers, 503 otherwise. Needs no key.",
                    Tags = [new OpenApiTag { Name = "Health" }],
                    Responses = new OpenApiResponses
                    {
                        ["200"] = new() { Description = "Healthy", Content = { ["application/json"] = body } },
                        ["503"] = new() { Description = "Unhealthy: the database does not answer.", Content = { ["application/json"] = body } },
                    },
                },
            },
        };
    }
}
