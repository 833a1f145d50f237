namespace WebhookPortal.Core.Persistence;

/// <summary>
/// SQLite lets one connection write at a time. When several writers race, the losers sleep in SQLite's
/// busy handler (milliseconds that grow with each retry), so throughput collapses under load. Writers on
/// the hot paths (publishing, the dispatcher) take turns here instead: a waiting writer starts the
/// instant the previous one commits.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim turn = new(1, 1);

    /// <summary>Waits for the turn to write; dispose the result to pass it on.</summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        return new Turn(turn);
    }

    public readonly struct Turn(SemaphoreSlim turn) : IDisposable
    {
        public void Dispose() => turn.Release();
    }
}
