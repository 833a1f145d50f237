using System.ComponentModel;
using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Web.Api;

/// <summary>The body of <c>POST /api/listeners</c> and <c>PUT /api/listeners/{id}</c>.</summary>
public sealed record ListenerRequest(
    [property: Description("The hook whose events it receives (order.paid). Required; an update may move the listener to another hook.")] string? Hook,
    [property: Description("The absolute http or https URL deliveries are posted to (at most 2048 characters). Required.")] string? Url,
    [property: Description("What the listener is for, shown in the portal.")] string? Description,
    [property: Description("Whether it receives deliveries; true when left out.")] bool? Enabled,
    [property: Description("Custom headers every delivery carries, at most 20; Host, Content-Length and webhook-* are reserved.")]
    IReadOnlyList<ListenerHeader>? Headers,
    [property: Description("Conditions on the payload, all of which must pass; none means every event of the hook.")] IReadOnlyList<FilterBody>? Filters,
    [property: Description("On update: the version you read. A listener changed since is refused with 409.")] int? Version,
    [property: Description("The customer account that owns it and may read its deliveries.")] int? OwnerAccountId = null);
