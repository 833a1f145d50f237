namespace WebhookPortal.Web.Api;

/// <summary>The built-in receiver's answer body: it recorded the request under this id.</summary>
public sealed record ReceiverResponse(bool Received, string Id);
