using System.Text.Json;

namespace WebhookPortal.Core.Events;

/// <summary>An event to publish: the hook, the payload (a JSON object) and where it comes from.</summary>
/// <param name="Hook">The hook's name.</param>
/// <param name="Payload">The payload; fields the hook does not provide are removed before it is stored.</param>
/// <param name="IdempotencyKey">Makes a retry safe: the same key for the same hook within 24 hours returns the first event.</param>
/// <param name="OnlyListenerId">A test event for one listener: delivered to it alone, whatever its filters say.</param>
public sealed record PublishRequest(
    string Hook,
    JsonElement Payload,
    EventOrigin Origin,
    string? OriginDetail = null,
    string? IdempotencyKey = null,
    string? OnlyListenerId = null);
