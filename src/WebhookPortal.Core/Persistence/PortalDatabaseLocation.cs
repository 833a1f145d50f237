using Microsoft.Data.Sqlite;

namespace WebhookPortal.Core.Persistence;

/// <summary>Where the database file is, resolved once from <c>ConnectionStrings:Portal</c>.</summary>
public sealed record PortalDatabaseLocation(string FilePath, string ConnectionString)
{
    public const string ConnectionStringName = "Portal";
    public const string DefaultConnectionString = "Data Source=data/portal.db";

    /// <summary>
    /// Resolves a relative path against <paramref name="contentRoot"/> and creates the folder.
    /// </summary>
    /// <exception cref="DatabaseStartupException">The setting is not a usable SQLite file connection string.</exception>
    public static PortalDatabaseLocation Resolve(string? connectionString, string contentRoot)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString)
                ? DefaultConnectionString
                : connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new DatabaseStartupException(
                $"ConnectionStrings:Portal is not a valid SQLite connection string ({e.Message}). " +
                $"Use the form \"{DefaultConnectionString}\".", e);
        }

        var dataSource = builder.DataSource;
        if (string.IsNullOrWhiteSpace(dataSource) || dataSource == ":memory:" ||
            builder.Mode == SqliteOpenMode.Memory)
        {
            throw new DatabaseStartupException(
                "ConnectionStrings:Portal must name a database file (Data Source=path/to/portal.db); " +
                "an in-memory database would lose every delivery at restart.");
        }

        var filePath = Path.GetFullPath(dataSource, contentRoot);
        var folder = Path.GetDirectoryName(filePath)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new DatabaseStartupException(
                $"Cannot open the portal database at '{filePath}': the folder '{folder}' cannot be created ({e.Message}). " +
                "Point ConnectionStrings:Portal at a writable location.", e);
        }

        builder.DataSource = filePath;
        return new PortalDatabaseLocation(filePath, builder.ToString());
    }
}
