using System.Text;

namespace WebhookPortal.Client;

public sealed partial class WebhookPortalClient
{
    /// <summary>
    /// Publishes an event of <paramref name="hook"/>: the portal stores it and queues a delivery to every enabled
    /// listener whose filters match. Retried after transient failures with the same idempotency key, so the event is
    /// stored once however many tries it takes.
    /// </summary>
    /// <typeparam name="TPayload">Any type that serializes to a JSON object.</typeparam>
    /// <param name="hook">The hook's name, such as <c>order.paid</c>.</param>
    /// <param name="payload">The event's payload; only the hook's provided fields reach listeners.</param>
    /// <param name="idempotencyKey">
    /// 1–255 printable ASCII characters naming this event in your system (an order id and change, say). A second
    /// publish with the same key returns the first event instead of storing another. Left out, one is generated.
    /// </param>
    /// <param name="cancellationToken">Cancels the call and any wait between tries.</param>
    /// <returns>The event's id, how many deliveries it made and whether the key had been used before.</returns>
    /// <exception cref="WebhookPortalApiException">404 unknown hook, 400 invalid payload or key, 413 too large, 403 not an admin key.</exception>
    public Task<PublishedEvent> PublishAsync<TPayload>(
        string hook, TPayload payload, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var json = System.Text.Json.JsonSerializer.Serialize(payload, payload.GetType(), Json);
        return PublishJsonAsync(hook, json, idempotencyKey, cancellationToken);
    }

    /// <summary>Publishes an event whose payload is JSON text you already have; otherwise as <see cref="PublishAsync{TPayload}"/>.</summary>
    /// <param name="hook">The hook's name, such as <c>order.paid</c>.</param>
    /// <param name="payloadJson">A JSON object, sent as it is.</param>
    /// <param name="idempotencyKey">The event's idempotency key; generated when left out.</param>
    /// <param name="cancellationToken">Cancels the call and any wait between tries.</param>
    /// <returns>The event's id, how many deliveries it made and whether the key had been used before.</returns>
    /// <exception cref="WebhookPortalApiException">404 unknown hook, 400 invalid payload or key, 413 too large, 403 not an admin key.</exception>
    public async Task<PublishedEvent> PublishJsonAsync(
        string hook, string payloadJson, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payloadJson);
        var key = idempotencyKey ?? Guid.NewGuid().ToString("N");
        var bytes = Encoding.UTF8.GetBytes(payloadJson);
        using var response = await SendAsync(HttpMethod.Post, $"api/hooks/{Segment(hook)}/events", bytes,
            new Dictionary<string, string> { [IdempotencyKeyHeader] = key }, retry: true, cancellationToken).ConfigureAwait(false);
        var accepted = await ContentAsync<PublishedEvent>(response, cancellationToken).ConfigureAwait(false);
        return accepted with { IdempotencyKey = key, Repeated = IsRepeated(response) };
    }
}
