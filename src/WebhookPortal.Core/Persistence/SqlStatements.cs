using System.Data.Common;

namespace WebhookPortal.Core.Persistence;

/// <summary>
/// Commands on one connection, prepared once and kept by their SQL text: SQLite then only binds and steps
/// them, where a new command would be parsed again every time. This is what keeps a thousand-row fan-out
/// or a batch of attempts cheap. Only for fixed SQL text with named parameters (portable to PostgreSQL).
/// </summary>
internal sealed class SqlStatements(DbConnection connection) : IDisposable
{
    // Fixed SQL text only; more than this means text is being built per call, and the cache starts over.
    private const int MaxStatements = 64;

    private readonly Dictionary<string, DbCommand> prepared = new(StringComparer.Ordinal);

    public DbConnection Connection => connection;

    /// <summary>The transaction the next commands run in.</summary>
    public DbTransaction? Transaction { get; set; }

    /// <summary>The prepared command for <paramref name="sql"/>, its parameters set to these values.</summary>
    public DbCommand Bind(string sql, params (string Name, object? Value)[] parameters)
    {
        if (prepared.TryGetValue(sql, out var command))
        {
            foreach (var (name, value) in parameters)
            {
                command.Parameters[name].Value = value ?? DBNull.Value;
            }
        }
        else
        {
            if (prepared.Count == MaxStatements)
            {
                Dispose();
            }

            command = Sql.Command(connection, null, sql, parameters);
            prepared[sql] = command;
        }

        command.Transaction = Transaction;
        return command;
    }

    /// <returns>The number of rows the statement changed.</returns>
    public Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters) =>
        Bind(sql, parameters).ExecuteNonQueryAsync();

    public void Dispose()
    {
        foreach (var command in prepared.Values)
        {
            command.Dispose();
        }

        prepared.Clear();
    }
}
