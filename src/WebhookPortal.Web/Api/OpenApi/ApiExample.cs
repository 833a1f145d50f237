namespace WebhookPortal.Web.Api.OpenApi;

/// <summary>
/// Endpoint metadata: an example body for the OpenAPI document, as JSON text. <see cref="Status"/> null is the
/// request body; otherwise the response with that status.
/// </summary>
public sealed record ApiExample(int? Status, string Json);
