using System.Data.Common;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Events;

/// <summary>The hooks table's id for a hook name, read inside the caller's transaction.</summary>
internal static class HookIds
{
    public static async Task<int?> FindAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, "SELECT id FROM hooks WHERE name = @name", ("@name", name));
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? (int)id : null;
    }
}
