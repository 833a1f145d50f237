using System.Text.Json;

namespace WebhookPortal.Web.Api.OpenApi;

/// <summary>
/// The OpenAPI document as the API reference page reads it: produced in-process by the same endpoint that serves
/// <c>/openapi/v1.json</c> (no HTTP call back into the portal, which a proxy in front of it could refuse), then
/// read once into <see cref="ApiReference"/>. The document only changes with the code, so it is kept for the process.
/// </summary>
public sealed class ApiReferenceSource(EndpointDataSource endpoints, IServiceScopeFactory scopes)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private ApiReference? reference;

    public async Task<ApiReference> GetAsync(CancellationToken cancellationToken)
    {
        if (reference is { } ready)
        {
            return ready;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            return reference ??= ApiReference.Read(await GenerateAsync(cancellationToken));
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<JsonDocument> GenerateAsync(CancellationToken cancellationToken)
    {
        var endpoint = endpoints.Endpoints.OfType<RouteEndpoint>()
            .First(e => e.RoutePattern.RawText == "/openapi/{documentName}.json");
        await using var scope = scopes.CreateAsyncScope();
        using var body = new MemoryStream();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = HttpMethods.Get;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        context.Request.Path = PortalOpenApi.DocumentPath;
        context.Request.RouteValues["documentName"] = PortalOpenApi.DocumentName;
        context.Response.Body = body;
        context.RequestAborted = cancellationToken;
        await endpoint.RequestDelegate!(context);
        body.Position = 0;
        return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
    }
}
