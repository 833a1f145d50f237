using WebhookPortal.Core.Filters;

namespace WebhookPortal.Bench;

/// <summary>
/// A reproducible, realistic mix of listeners' filters on an order hook: mostly Is, StartsWith, Contains,
/// In and GreaterThan, some ignoring case, some Like with simple patterns, some Not.
/// </summary>
internal static class ListenerFilters
{
    private static readonly Func<Random, MatchFilter>[] Templates =
    [
        r => new("status", FilterOperator.Is, Pick(r, "paid", "refunded", "pending", "paid")),
        r => new("status", FilterOperator.Is, "cancelled", Not: true),
        r => new("customer.email", FilterOperator.StartsWith, Pick(r, "jane", "john", "a", "m"), CaseSensitive: r.Next(3) > 0),
        r => new("customer.email", FilterOperator.EndsWith, Pick(r, "@example.com", ".nl", "@corp.example")),
        r => new("customer.name", FilterOperator.Contains, Pick(r, "Doe", "smith", "an"), CaseSensitive: r.Next(2) == 0),
        r => new("tags", FilterOperator.Contains, Pick(r, "vip", "beta")),
        r => new("currency", FilterOperator.In, Pick(r, "EUR, USD", "GBP", "EUR, GBP, CHF, SEK"), CaseSensitive: r.Next(4) > 0),
        r => new("customer.country", FilterOperator.In, Pick(r, "NL, BE, LU", "DE", "US, CA"), Not: r.Next(5) == 0),
        r => new("total", FilterOperator.GreaterThan, Pick(r, "50", "100", "200", "1000")),
        r => new("amount", FilterOperator.LessThan, Pick(r, "100", "500.00")),
        r => new("customer.email", FilterOperator.Like, Pick(r, @"@example\.com$", "^j", @"\.(nl|be)$", @"^[a-z]+\.[a-z]+@"), CaseSensitive: r.Next(2) == 0),
        r => new("id", FilterOperator.Like, "^ord_", Not: r.Next(4) == 0),
        r => new("customer.tier", FilterOperator.Is, Pick(r, "GOLD", "silver"), Not: r.Next(5) == 0, CaseSensitive: false),
        r => new("channel", FilterOperator.Is, "pos", Not: true),
    ];

    public static IReadOnlyList<MatchFilter[]> Generate(int listeners, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, listeners)
            .Select(_ => Enumerable.Range(0, random.Next(1, 4)).Select(_ => Templates[random.Next(Templates.Length)](random)).ToArray())
            .ToArray();
    }

    private static string Pick(Random random, params string[] values) => values[random.Next(values.Length)];
}
