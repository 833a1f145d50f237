using System.Text.Json;
using WebhookPortal.Core.Events;

namespace WebhookPortal.Web.Api;

/// <summary>An event as the REST API shows it: the payload as delivered (provided fields only) and its deliveries.</summary>
public sealed record EventResponse(
    string Id,
    string Hook,
    JsonElement Payload,
    EventOrigin Origin,
    string? OriginDetail,
    string? IdempotencyKey,
    DateTimeOffset CreatedAt,
    IReadOnlyList<EventDelivery> Deliveries);
