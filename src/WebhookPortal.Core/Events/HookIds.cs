using System.Data.Common;

namespace WebhookPortal.Core.Events;

/// <summary>The hooks table's id for a hook name, read inside the caller's transaction.</summary>
internal static class HookIds
{
    public static async Task<int?> FindAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id FROM hooks WHERE name = $name";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$name";
        parameter.Value = name;
        command.Parameters.Add(parameter);
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? (int)id : null;
    }
}
