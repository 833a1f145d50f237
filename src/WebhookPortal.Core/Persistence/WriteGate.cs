using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace WebhookPortal.Core.Persistence;

/// <summary>
/// SQLite lets one connection write at a time. When several writers race, the losers sleep in SQLite's
/// busy handler (milliseconds that grow with each retry), so throughput collapses under load. Writers on
/// the hot paths (publishing, the dispatcher's claims and records) take turns here instead, on one
/// connection the gate keeps open with its statements prepared: a waiting writer starts the instant the
/// previous one commits, and pays neither for opening a connection nor for parsing its SQL again.
/// </summary>
public sealed class WriteGate(IDbContextFactory<PortalDbContext> contextFactory) : IAsyncDisposable
{
    private readonly SemaphoreSlim turn = new(1, 1);
    private PortalDbContext? context;
    private SqlStatements? statements;

    /// <summary>Waits for the turn to write, then begins a transaction; dispose the result to pass the turn on.</summary>
    internal async Task<WriteTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        try
        {
            if (statements is null)
            {
                // Opened through a context, so the connection gets the same settings as every other one.
                context = await contextFactory.CreateDbContextAsync(CancellationToken.None);
                await context.Database.OpenConnectionAsync(CancellationToken.None);
                statements = new SqlStatements(context.Database.GetDbConnection());
            }

            statements.Transaction = await statements.Connection.BeginTransactionAsync(CancellationToken.None);
            return new WriteTransaction(this, statements);
        }
        catch
        {
            await ResetAsync();
            turn.Release();
            throw;
        }
    }

    private async Task EndAsync(SqlStatements ended, bool committed)
    {
        try
        {
            if (!committed && ended.Transaction is { } open)
            {
                await open.RollbackAsync();
            }

            if (ended.Transaction is { } transaction)
            {
                await transaction.DisposeAsync();
            }

            ended.Transaction = null;
        }
        catch
        {
            // The connection is in a state nobody should build on: the next turn opens a fresh one.
            await ResetAsync();
        }
        finally
        {
            turn.Release();
        }
    }

    private async Task ResetAsync()
    {
        statements?.Dispose();
        statements = null;
        if (context is not null)
        {
            await context.Database.CloseConnectionAsync();
            await context.DisposeAsync();
            context = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await turn.WaitAsync();
        await ResetAsync();
        turn.Release();
    }

    /// <summary>One turn at the gate: a transaction on the gate's connection, with its prepared statements.</summary>
    internal sealed class WriteTransaction(WriteGate gate, SqlStatements statements) : IAsyncDisposable
    {
        private bool committed;
        private bool ended;

        public SqlStatements Statements => statements;

        /// <summary>Commits; if this throws, ending the turn rolls back what is left.</summary>
        public async Task CommitAsync()
        {
            await statements.Transaction!.CommitAsync();
            committed = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (!ended)
            {
                ended = true;
                await gate.EndAsync(statements, committed);
            }
        }
    }
}
