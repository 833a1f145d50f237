using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace WebhookPortal.Core.Persistence;

/// <summary>
/// Group commit. Items queue here and one writer stores them: whatever has gathered while the previous
/// transaction ran (up to <see cref="MaxBatch"/>) goes into the next one. If the batch fails, it is
/// rolled back and its items are written again one per transaction, so one bad item does not take the
/// others with it. A lone item waits for nothing; under load one commit serves hundreds. An item's task
/// completes only after its transaction committed.
/// </summary>
internal sealed class BatchWriter<TItem, TResult> : IAsyncDisposable
{
    public const int MaxBatch = 256;

    private readonly WriteGate writeGate;
    private readonly Func<SqlStatements, IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> writeAll;
    private readonly Action<IReadOnlyList<(TItem Item, TResult Result)>> afterCommit;
    private readonly ILogger logger;
    private readonly Channel<(TItem Item, TaskCompletionSource<TResult> Done)> queue =
        Channel.CreateUnbounded<(TItem, TaskCompletionSource<TResult>)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> writer;

    /// <param name="writeAll">Stores the items inside the batch's transaction (the gate's prepared statements),
    /// returning a result per item in order.</param>
    /// <param name="afterCommit">Runs once a batch committed, with what it stored (to wake or notify others).</param>
    public BatchWriter(
        WriteGate writeGate, Func<SqlStatements, IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> writeAll,
        Action<IReadOnlyList<(TItem Item, TResult Result)>> afterCommit, ILogger logger)
    {
        (this.writeGate, this.writeAll, this.afterCommit, this.logger) = (writeGate, writeAll, afterCommit, logger);
        writer = new Lazy<Task>(() => Task.Run(WriteLoopAsync));
    }

    public Task<TResult> WriteAsync(TItem item, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!queue.Writer.TryWrite((item, done)))
        {
            throw new ObjectDisposedException(nameof(BatchWriter<TItem, TResult>), "The portal is shutting down.");
        }

        _ = writer.Value;
        return done.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<(TItem Item, TaskCompletionSource<TResult> Done)>(MaxBatch);
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
                // The transaction did not commit: nothing of this batch was stored, and each caller is told so.
                logger.LogError(e, "Storing a batch of {ItemCount} items failed", batch.Count);
                batch.ForEach(entry => entry.Done.TrySetException(e));
            }

            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<(TItem Item, TaskCompletionSource<TResult> Done)> batch)
    {
        IReadOnlyList<TResult> results;
        try
        {
            results = await InTransactionAsync(batch.Select(entry => entry.Item).ToList());
        }
        catch (DbException) when (batch.Count > 1)
        {
            // One item spoiled the batch: write each on its own, so only the bad one fails.
            foreach (var entry in batch)
            {
                try
                {
                    var single = await InTransactionAsync([entry.Item]);
                    entry.Done.TrySetResult(single[0]);
                    afterCommit([(entry.Item, single[0])]);
                }
                catch (DbException e)
                {
                    entry.Done.TrySetException(e);
                }
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(results[i]);
        }

        afterCommit(batch.Select((entry, i) => (entry.Item, results[i])).ToList());
    }

    private async Task<IReadOnlyList<TResult>> InTransactionAsync(IReadOnlyList<TItem> items)
    {
        await using var transaction = await writeGate.BeginAsync(CancellationToken.None);
        var results = await writeAll(transaction.Statements, items);
        await transaction.CommitAsync();
        return results;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (writer.IsValueCreated)
        {
            await writer.Value;
        }
    }
}
