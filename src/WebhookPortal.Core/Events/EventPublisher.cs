using System.Data.Common;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Filters;
using WebhookPortal.Core.Listeners;
using WebhookPortal.Core.Hooks;
using WebhookPortal.Core.Observability;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Events;

/// <summary>
/// Every way in ends here: the payload is cut down to the hook's provided fields, matched against the
/// hook's listeners, and stored with one pending delivery per match in one transaction (the outbox);
/// then the dispatcher is woken. No event is ever half-stored.
/// </summary>
public sealed class EventPublisher(
    HookDirectory hooks,
    ListenerDirectory directory,
    OutboxCommitter committer,
    IOptions<EventOptions> options,
    IOptions<DeliveryOptions> deliveryOptions,
    TimeProvider clock,
    PortalMetrics metrics,
    ILogger<EventPublisher> logger)
{
    public async Task<ServiceResult<PublishedEvent>> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        if (request.IdempotencyKey is { } key && IdempotencyKeys.Check(key) is { } keyProblem)
        {
            return ServiceError.Invalid("The idempotency key is not valid",
                new Dictionary<string, string[]> { ["Idempotency-Key"] = [keyProblem] });
        }

        using var hookScope = logger.BeginScope("Publishing {Hook} from {Origin}", request.Hook, request.Origin);
        var hook = await hooks.FindAsync(request.Hook, cancellationToken);
        if (hook is null)
        {
            return ServiceError.NotFound("Hook not found", $"No hook is named '{request.Hook}'. GET /api/hooks lists the catalogue.");
        }

        if (request.Payload.ValueKind != JsonValueKind.Object)
        {
            return ServiceError.Invalid("The payload is not valid", new Dictionary<string, string[]>
            {
                ["payload"] = [$"The payload must be a JSON object ({{ … }}), not {Describe(request.Payload.ValueKind)}."],
            });
        }

        if (PayloadRules.Check(request.Payload, options.Value.MaxStringLength) is { } payloadProblem)
        {
            return ServiceError.Invalid("The payload is not valid", new Dictionary<string, string[]> { ["payload"] = [payloadProblem] });
        }

        var payload = PayloadFields.Project(request.Payload, hook.ProvidedFields);
        var recipients = await RecipientsAsync(hook.Id, payload, request.OnlyListenerId, cancellationToken);
        if (recipients is null)
        {
            return ServiceError.NotFound("Listener not found", $"No listener '{request.OnlyListenerId}' receives {hook.Name}.");
        }

        var outbox = new OutboxWriter.Outbox(hook.Id, payload, request.Origin, request.OriginDetail, request.IdempotencyKey, recipients);
        var published = await committer.CommitAsync(outbox, cancellationToken);
        using var eventScope = logger.BeginScope("Event {EventId}", published.EventId);
        if (!published.Repeated)
        {
            metrics.EventPublished(published.Deliveries);
            logger.LogDebug("Event {EventId} of {Hook} stored with {DeliveryCount} deliveries", published.EventId, hook.Name, published.Deliveries);
        }
        else
        {
            logger.LogDebug("Event {EventId} of {Hook} was published before under the same idempotency key; nothing new stored", published.EventId, hook.Name);
        }

        return ServiceResult<PublishedEvent>.Ok(published);
    }

    /// <summary>
    /// Stores an event inside a transaction someone else owns (the entity-change interceptor's), on its
    /// connection. The payload is cut down to the provided fields here too. The caller wakes the
    /// dispatcher once the transaction commits.
    /// </summary>
    internal async Task<PublishedEvent> PublishInTransactionAsync(
        DbConnection connection, DbTransaction transaction, int hookId, IReadOnlyList<string> providedFields,
        JsonElement payload, EventOrigin origin, string? originDetail, CancellationToken cancellationToken)
    {
        var projected = PayloadFields.Project(payload, providedFields);
        var recipients = await RecipientsAsync(hookId, projected, null, cancellationToken);
        var outbox = new OutboxWriter.Outbox(hookId, projected, origin, originDetail, null, recipients!);
        using var statements = new SqlStatements(connection) { Transaction = transaction };
        return await OutboxWriter.WriteAsync(statements, outbox, clock.GetUtcNow(), TimeSpan.FromSeconds(deliveryOptions.Value.Schedule[0]));
    }

    /// <summary>The listeners that get a delivery; null when a test names a listener the hook does not have.</summary>
    private async Task<List<(string ListenerId, bool Held)>?> RecipientsAsync(
        int hookId, string payload, string? onlyListenerId, CancellationToken cancellationToken)
    {
        var listeners = await directory.ForHookAsync(hookId, cancellationToken);
        if (onlyListenerId is not null)
        {
            var only = listeners.FirstOrDefault(l => l.Id == onlyListenerId);
            return only is null ? null : [(only.Id, !only.Enabled)];
        }

        using var document = JsonDocument.Parse(payload);
        var recipients = new List<(string, bool)>();
        foreach (var listener in listeners)
        {
            if (listener.Filters?.Matches(document.RootElement) == true)
            {
                recipients.Add((listener.Id, !listener.Enabled));
            }
        }

        return recipients;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
