using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Events;

/// <summary>
/// Group commit for publishing. Publishes queue here and one writer stores them: whatever has gathered
/// while the previous transaction ran (up to <see cref="MaxBatch"/> events) goes into the next one,
/// each event in its own savepoint so one that fails does not take the others with it. A lone publish
/// waits for nothing; under load, one commit serves hundreds. A publish's task completes only after its
/// transaction committed, so a 202 always means stored.
/// </summary>
public sealed class OutboxCommitter : IAsyncDisposable
{
    public const int MaxBatch = 256;

    private readonly IDbContextFactory<PortalDbContext> contextFactory;
    private readonly WriteGate writeGate;
    private readonly DeliverySignal signal;
    private readonly IOptions<EventOptions> options;
    private readonly TimeProvider clock;
    private readonly ILogger<OutboxCommitter> logger;
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> writer;

    public OutboxCommitter(
        IDbContextFactory<PortalDbContext> contextFactory, WriteGate writeGate, DeliverySignal signal,
        IOptions<EventOptions> options, TimeProvider clock, ILogger<OutboxCommitter> logger)
    {
        (this.contextFactory, this.writeGate, this.signal, this.options, this.clock, this.logger) =
            (contextFactory, writeGate, signal, options, clock, logger);
        writer = new Lazy<Task>(() => Task.Run(WriteLoopAsync));
    }

    internal Task<PublishedEvent> CommitAsync(OutboxWriter.Outbox outbox, CancellationToken cancellationToken)
    {
        var pending = new Pending(outbox, new TaskCompletionSource<PublishedEvent>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(OutboxCommitter), "The portal is shutting down; publish again once it runs.");
        }

        _ = writer.Value;
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                await WriteBatchAsync(batch);
            }
            catch (Exception e)
            {
                // The transaction did not commit: none of these events exists, and each caller is told so.
                logger.LogError(e, "Storing a batch of {EventCount} events failed", batch.Count);
                batch.ForEach(p => p.Done.TrySetException(e));
            }

            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        using var turn = await writeGate.EnterAsync(CancellationToken.None);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        var results = new (Pending Pending, PublishedEvent? Event, Exception? Error)[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            results[i] = (batch[i], null, null);
            try
            {
                await Savepoint(connection, dbTransaction, "SAVEPOINT publish");
                results[i].Event = await WriteOneAsync(connection, dbTransaction, batch[i].Outbox, now);
                await Savepoint(connection, dbTransaction, "RELEASE publish");
            }
            catch (DbException e)
            {
                await Savepoint(connection, dbTransaction, "ROLLBACK TO publish");
                await Savepoint(connection, dbTransaction, "RELEASE publish");
                results[i].Error = e;
            }
        }

        await transaction.CommitAsync();
        var deliveries = 0;
        foreach (var (pending, published, error) in results)
        {
            if (published is not null)
            {
                deliveries += published.Repeated ? 0 : published.Deliveries;
                pending.Done.TrySetResult(published);
            }
            else
            {
                pending.Done.TrySetException(error!);
            }
        }

        if (deliveries > 0)
        {
            signal.Notify();
        }
    }

    private async Task<PublishedEvent> WriteOneAsync(DbConnection connection, DbTransaction transaction, OutboxWriter.Outbox outbox, DateTimeOffset now)
    {
        if (outbox.IdempotencyKey is { } key &&
            await OutboxWriter.FindRepeatAsync(connection, transaction, outbox.HookId, key, now - options.Value.IdempotencyWindow, CancellationToken.None) is { } repeat)
        {
            return repeat;
        }

        return await OutboxWriter.WriteAsync(connection, transaction, outbox, now, CancellationToken.None);
    }

    private static async Task Savepoint(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (writer.IsValueCreated)
        {
            await writer.Value;
        }
    }

    private sealed record Pending(OutboxWriter.Outbox Outbox, TaskCompletionSource<PublishedEvent> Done);
}
