using Microsoft.Data.Sqlite;

namespace WebhookPortal.ReliabilityTests.Support;

/// <summary>
/// Reads the portal's SQLite file directly, as it is on disk: after a kill, this is exactly what the crash left
/// behind (the write-ahead log included). Every read opens its own unpooled connection, so nothing holds the file.
/// </summary>
public sealed class PortalFile(string path)
{
    public string Path { get; } = path;

    public List<T> Query<T>(string sql, Func<SqliteDataReader, T> read)
    {
        using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 60;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public long Scalar(string sql) => Query(sql, r => r.GetInt64(0)).Single();

    /// <summary>How many deliveries are in each status: <c>Sending=12, Succeeded=3988</c>.</summary>
    public string StatusCounts() =>
        string.Join(", ", Query("SELECT status, count(*) FROM deliveries GROUP BY status ORDER BY status", r => $"{r.GetString(0)}={r.GetInt64(1)}"));

    public HashSet<string> DeliveryIds(string where = "1 = 1") =>
        Query($"SELECT id FROM deliveries WHERE {where}", r => r.GetString(0)).ToHashSet();
}
