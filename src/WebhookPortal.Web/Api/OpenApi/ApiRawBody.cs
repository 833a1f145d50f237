namespace WebhookPortal.Web.Api.OpenApi;

/// <summary>
/// Endpoint metadata: the endpoint reads a JSON object body itself; the document describes it in these words.
/// <see cref="RequiresJson"/> false: any content type is taken (and never answered with 415).
/// </summary>
public sealed record ApiRawBody(string Description, bool RequiresJson);
