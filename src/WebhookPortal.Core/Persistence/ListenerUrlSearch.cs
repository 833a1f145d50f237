using System.Data.Common;

namespace WebhookPortal.Core.Persistence;

/// <summary>
/// The trigram index behind "URL contains" in the listener grid: the FTS5 table <c>listener_url_search</c>
/// over <c>listeners.url</c> (external content, keyed by the listener row's rowid), created with its
/// triggers by the ListenersAndPeople migration. A trigram search needs at least three characters. A
/// migration that rebuilds the <c>listeners</c> table must run <see cref="Rebuild"/> afterwards.
/// (On PostgreSQL a pg_trgm GIN index on <c>listeners.url</c> plays this role.)
/// </summary>
internal static class ListenerUrlSearch
{
    public const int MinimumSearchLength = 3;

    public const string Rebuild = "INSERT INTO listener_url_search (listener_url_search) VALUES ('rebuild');";

    /// <summary>The rows whose URL contains the phrase, as a subquery of rowids.</summary>
    public const string MatchingRowIds = "SELECT rowid FROM listener_url_search WHERE listener_url_search MATCH ";

    /// <summary>The search text as one FTS5 phrase: quoted, with its quotes doubled, so it is matched literally.</summary>
    public static string Phrase(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>How many URLs contain the text, counting no further than <paramref name="cap"/> (cheap when many do).</summary>
    public static async Task<int> CountUpToAsync(DbConnection connection, string text, int cap, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM ({MatchingRowIds} $phrase LIMIT $cap);";
        var phrase = command.CreateParameter();
        phrase.ParameterName = "$phrase";
        phrase.Value = Phrase(text);
        var limit = command.CreateParameter();
        limit.ParameterName = "$cap";
        limit.Value = cap;
        command.Parameters.Add(phrase);
        command.Parameters.Add(limit);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
