namespace WebhookPortal.Web.Api.OpenApi;

/// <summary>Endpoint metadata: the endpoint reads a JSON object body itself; the document describes it in these words.</summary>
public sealed record ApiRawBody(string Description);
