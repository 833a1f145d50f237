namespace WebhookPortal.Web.Api.OpenApi;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>: the REST API, ingest, the receiver, metrics and health; never a page.</summary>
public static class PortalOpenApi
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/" + DocumentName + ".json";

    public static IServiceCollection AddPortalOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => IsDescribed(description.RelativePath);
            options.AddDocumentTransformer<DocumentDocs>();
            options.AddOperationTransformer<OperationDocs>();
        });
        services.AddSingleton<ApiReferenceSource>();
        return services;
    }

    /// <summary>
    /// The document needs no key: it describes the API, holds no data, and code generators and API tools fetch it
    /// as they find it. Every call it describes still needs one.
    /// </summary>
    public static IEndpointRouteBuilder MapPortalOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }

    private static bool IsDescribed(string? relativePath) =>
        relativePath is not null &&
        (relativePath.StartsWith("api/", StringComparison.Ordinal) || relativePath.StartsWith("ingest/", StringComparison.Ordinal) ||
         relativePath == "metrics" ||
         relativePath.StartsWith(ReceiverEndpoints.Path.TrimStart('/'), StringComparison.Ordinal));
}
