using System.Data.Common;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Observability;

/// <summary>
/// Counts the queue in one statement over the rows still in it (pending or sending), which the due and
/// leased indexes keep cheap however long the history is. With an owner, only that customer's listeners.
/// </summary>
internal static class QueueReader
{
    private const string Columns =
        """
        SELECT COALESCE(SUM(CASE WHEN d.status = 'Pending' AND d.held = 0 AND d.next_attempt_at <= @now THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN d.status = 'Pending' AND d.held = 0 AND d.next_attempt_at > @now THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN d.status = 'Sending' THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN d.status = 'Pending' AND d.held = 1 THEN 1 ELSE 0 END), 0),
               MIN(CASE WHEN d.status = 'Pending' AND d.held = 0 THEN d.next_attempt_at END)
        """;

    private const string Everyone = $"{Columns} FROM deliveries d WHERE d.status IN ('Pending', 'Sending')";

    private const string OneOwner =
        $"{Columns} FROM deliveries d JOIN listeners l ON l.id = d.listener_id WHERE d.status IN ('Pending', 'Sending') AND l.owner_account_id = @owner";

    public static QueueFigures Read(DbConnection connection, DateTimeOffset now, int? onlyOwner)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        using var command = onlyOwner is { } owner
            ? Sql.Command(connection, null, OneOwner, ("@now", nowMs), ("@owner", owner))
            : Sql.Command(connection, null, Everyone, ("@now", nowMs));
        using var reader = command.ExecuteReader();
        reader.Read();
        var oldestDue = reader.IsDBNull(4) ? (long?)null : reader.GetInt64(4);
        var age = oldestDue is { } due && due < nowMs ? TimeSpan.FromMilliseconds(nowMs - due) : TimeSpan.Zero;
        return new QueueFigures(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), age);
    }
}
