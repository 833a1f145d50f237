using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Events;

/// <summary>
/// Stores published events with their deliveries by group commit (<see cref="BatchWriter{TItem,TResult}"/>),
/// answering a repeated idempotency key with the first event, and wakes the dispatcher once a batch with
/// deliveries committed. A publish's task completes only after its commit: a 202 always means stored.
/// </summary>
public sealed class OutboxCommitter : IAsyncDisposable
{
    private readonly BatchWriter<OutboxWriter.Outbox, PublishedEvent> writer;
    private readonly IOptions<EventOptions> options;
    private readonly TimeSpan firstAttemptDelay;
    private readonly TimeProvider clock;

    public OutboxCommitter(
        WriteGate writeGate, DeliverySignal signal, PayloadCache payloads,
        IOptions<EventOptions> options, IOptions<DeliveryOptions> deliveryOptions, TimeProvider clock, ILogger<OutboxCommitter> logger)
    {
        (this.options, this.clock) = (options, clock);
        firstAttemptDelay = TimeSpan.FromSeconds(deliveryOptions.Value.Schedule[0]);
        writer = new BatchWriter<OutboxWriter.Outbox, PublishedEvent>(writeGate, WriteAllAsync,
            stored =>
            {
                foreach (var (outbox, published) in stored.Where(s => !s.Result.Repeated))
                {
                    payloads.Remember(published.EventId, outbox.Payload);
                }

                var due = stored.Where(s => !s.Result.Repeated)
                    .SelectMany(s => s.Item.Recipients.Where(r => !r.Held).Select(r => r.ListenerId)).ToList();
                if (due.Count > 0)
                {
                    signal.Notify(due);
                }
            },
            logger);
    }

    internal Task<PublishedEvent> CommitAsync(OutboxWriter.Outbox outbox, CancellationToken cancellationToken) =>
        writer.WriteAsync(outbox, cancellationToken);

    private async Task<IReadOnlyList<PublishedEvent>> WriteAllAsync(SqlStatements statements, IReadOnlyList<OutboxWriter.Outbox> outboxes)
    {
        var published = new List<PublishedEvent>(outboxes.Count);
        foreach (var outbox in outboxes)
        {
            published.Add(await WriteOneAsync(statements, outbox));
        }

        return published;
    }

    private async Task<PublishedEvent> WriteOneAsync(SqlStatements statements, OutboxWriter.Outbox outbox)
    {
        var now = clock.GetUtcNow();
        if (outbox.IdempotencyKey is { } key &&
            await OutboxWriter.FindRepeatAsync(statements, outbox.HookId, key, now - options.Value.IdempotencyWindow) is { } repeat)
        {
            return repeat;
        }

        return await OutboxWriter.WriteAsync(statements, outbox, now, firstAttemptDelay);
    }

    public ValueTask DisposeAsync() => writer.DisposeAsync();
}
