using System.Diagnostics;
using System.Text.Json;
using WebhookPortal.Core.Filters;

namespace WebhookPortal.Core.Tests.Filters;

public sealed class FilterSetTests
{
    private const string Payload = """
        {"name":"Jane","age":42,"amount":"49.90","total":149.5,"active":true,"nickname":null,"empty":"",
         "customer":{"email":"jane@example.com","tier":"Gold","visits":12,"address":{"city":"Utrecht"}},
         "tags":["vip","new"],"scores":[3,17],"mixed":["x",250],"words":["a","b"],"none":[],
         "currency":"EUR","quote":"caf\u00e9 \"x\"","huge":1e400,"code":"A-17"}
        """;

    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);

    [Theory]
    // Any
    [InlineData("name", FilterOperator.Any, null, false, true, true, "name: any value")]
    [InlineData("customer.phone", FilterOperator.Any, null, false, true, true, "customer.phone: any value")]
    [InlineData("nickname", FilterOperator.Any, null, false, true, true, "nickname: any value")]
    [InlineData("customer.address.city", FilterOperator.Any, null, false, true, true, "customer.address.city: any value")]
    [InlineData("customer.address", FilterOperator.Any, null, false, true, true, "customer.address: any value")]
    [InlineData("name.first", FilterOperator.Any, null, false, true, true, "name.first: any value")]
    [InlineData("tags", FilterOperator.Any, null, false, true, true, "tags: any value")]
    [InlineData("none", FilterOperator.Any, null, false, true, true, "none: any value")]
    [InlineData("age", FilterOperator.Any, null, false, true, true, "age: any value")]
    [InlineData("huge", FilterOperator.Any, null, false, true, true, "huge: any value")]
    [InlineData("name", FilterOperator.Any, null, false, false, true, "name: any value")]
    // Exists: null and empty arrays count as present; a path through a string is missing
    [InlineData("name", FilterOperator.Exists, null, false, true, true, "name exists")]
    [InlineData("nickname", FilterOperator.Exists, null, false, true, true, "nickname exists")]
    [InlineData("none", FilterOperator.Exists, "", false, true, true, "none exists")]
    [InlineData("customer.address.city", FilterOperator.Exists, null, false, true, true, "customer.address.city exists")]
    [InlineData("customer.phone", FilterOperator.Exists, null, false, true, false, "customer.phone is missing")]
    [InlineData("name.first", FilterOperator.Exists, null, false, true, false, "name.first is missing")]
    [InlineData("customer.phone", FilterOperator.Exists, null, true, true, true, "customer.phone is missing")]
    [InlineData("nickname", FilterOperator.Exists, null, true, true, false, "nickname exists")]
    // Is: on strings, numbers, booleans, null, objects, escaped strings, arrays
    [InlineData("name", FilterOperator.Is, "Jane", false, true, true, "name is 'Jane'")]
    [InlineData("name", FilterOperator.Is, "jane", false, true, false, "name is not 'jane'")]
    [InlineData("name", FilterOperator.Is, "jane", false, false, true, "name is 'jane' (ignoring case)")]
    [InlineData("name", FilterOperator.Is, "Jan", false, true, false, "name is not 'Jan'")]
    [InlineData("age", FilterOperator.Is, "42", false, true, true, "age is '42'")]
    [InlineData("total", FilterOperator.Is, "149.5", false, true, true, "total is '149.5'")]
    [InlineData("active", FilterOperator.Is, "true", false, true, true, "active is 'true'")]
    [InlineData("nickname", FilterOperator.Is, "null", false, true, true, "nickname is 'null'")]
    [InlineData("empty", FilterOperator.Is, "", false, true, true, "empty is ''")]
    [InlineData("name", FilterOperator.Is, "", false, true, false, "name is not ''")]
    [InlineData("customer.email", FilterOperator.Is, "jane@example.com", false, true, true, "customer.email is 'jane@example.com'")]
    [InlineData("customer.address", FilterOperator.Is, """{"city":"Utrecht"}""", false, true, true, """customer.address is '{"city":"Utrecht"}'""")]
    [InlineData("quote", FilterOperator.Is, "café \"x\"", false, true, true, "quote is 'café \"x\"'")]
    [InlineData("customer.phone", FilterOperator.Is, "x", false, true, false, "customer.phone is missing")]
    [InlineData("name", FilterOperator.Is, "Jane", true, true, false, "name is 'Jane'")]
    [InlineData("name", FilterOperator.Is, "John", true, true, true, "name is not 'John'")]
    [InlineData("customer.phone", FilterOperator.Is, "x", true, true, false, "customer.phone is missing")]
    [InlineData("tags", FilterOperator.Is, "vip", false, true, true, "tags has an element that is 'vip'")]
    [InlineData("tags", FilterOperator.Is, "old", false, true, false, "tags has no element that is 'old'")]
    [InlineData("tags", FilterOperator.Is, "old", true, true, true, "tags has no element that is 'old'")]
    [InlineData("tags", FilterOperator.Is, "vip", true, true, false, "tags has an element that is 'vip'")]
    [InlineData("scores", FilterOperator.Is, "17", false, true, true, "scores has an element that is '17'")]
    [InlineData("none", FilterOperator.Is, "x", false, true, false, "none has no element that is 'x'")]
    [InlineData("none", FilterOperator.Is, "x", true, true, true, "none has no element that is 'x'")]
    // StartsWith
    [InlineData("name", FilterOperator.StartsWith, "J", false, true, true, "name starts with 'J'")]
    [InlineData("name", FilterOperator.StartsWith, "K", false, true, false, "name does not start with 'K'")]
    [InlineData("name", FilterOperator.StartsWith, "j", false, true, false, "name does not start with 'j'")]
    [InlineData("name", FilterOperator.StartsWith, "j", false, false, true, "name starts with 'j' (ignoring case)")]
    [InlineData("name", FilterOperator.StartsWith, "J", true, true, false, "name starts with 'J'")]
    [InlineData("name", FilterOperator.StartsWith, "K", true, true, true, "name does not start with 'K'")]
    [InlineData("name", FilterOperator.StartsWith, "j", true, false, false, "name starts with 'j' (ignoring case)")]
    [InlineData("customer.email", FilterOperator.StartsWith, "jane@", false, true, true, "customer.email starts with 'jane@'")]
    [InlineData("amount", FilterOperator.StartsWith, "49.", false, true, true, "amount starts with '49.'")]
    [InlineData("total", FilterOperator.StartsWith, "149", false, true, true, "total starts with '149'")]
    [InlineData("nickname", FilterOperator.StartsWith, "nu", false, true, true, "nickname starts with 'nu'")]
    [InlineData("tags", FilterOperator.StartsWith, "v", false, true, true, "tags has an element that starts with 'v'")]
    [InlineData("customer.phone", FilterOperator.StartsWith, "x", false, true, false, "customer.phone is missing")]
    [InlineData("customer.phone", FilterOperator.StartsWith, "x", true, true, false, "customer.phone is missing")]
    // EndsWith
    [InlineData("name", FilterOperator.EndsWith, "e", false, true, true, "name ends with 'e'")]
    [InlineData("name", FilterOperator.EndsWith, "a", false, true, false, "name does not end with 'a'")]
    [InlineData("name", FilterOperator.EndsWith, "NE", false, false, true, "name ends with 'NE' (ignoring case)")]
    [InlineData("name", FilterOperator.EndsWith, "NE", false, true, false, "name does not end with 'NE'")]
    [InlineData("customer.email", FilterOperator.EndsWith, "@example.com", false, true, true, "customer.email ends with '@example.com'")]
    [InlineData("name", FilterOperator.EndsWith, "e", true, true, false, "name ends with 'e'")]
    [InlineData("name", FilterOperator.EndsWith, "a", true, true, true, "name does not end with 'a'")]
    [InlineData("tags", FilterOperator.EndsWith, "ew", false, true, true, "tags has an element that ends with 'ew'")]
    [InlineData("customer.phone", FilterOperator.EndsWith, "x", true, true, false, "customer.phone is missing")]
    [InlineData("total", FilterOperator.EndsWith, ".5", false, true, true, "total ends with '.5'")]
    [InlineData("nickname", FilterOperator.EndsWith, "ll", false, true, true, "nickname ends with 'll'")]
    // Contains
    [InlineData("name", FilterOperator.Contains, "an", false, true, true, "name contains 'an'")]
    [InlineData("name", FilterOperator.Contains, "AN", false, true, false, "name does not contain 'AN'")]
    [InlineData("name", FilterOperator.Contains, "AN", false, false, true, "name contains 'AN' (ignoring case)")]
    [InlineData("name", FilterOperator.Contains, "an", true, true, false, "name contains 'an'")]
    [InlineData("customer.address", FilterOperator.Contains, "Utrecht", false, true, true, "customer.address contains 'Utrecht'")]
    [InlineData("tags", FilterOperator.Contains, "vip", false, true, true, "tags has an element that contains 'vip'")]
    [InlineData("tags", FilterOperator.Contains, "VIP", false, false, true, "tags has an element that contains 'VIP' (ignoring case)")]
    [InlineData("words", FilterOperator.Contains, "vip", false, true, false, "words has no element that contains 'vip'")]
    [InlineData("tags", FilterOperator.Contains, "x", true, true, true, "tags has no element that contains 'x'")]
    [InlineData("tags", FilterOperator.Contains, "ip", true, true, false, "tags has an element that contains 'ip'")]
    [InlineData("none", FilterOperator.Contains, "x", true, true, true, "none has no element that contains 'x'")]
    [InlineData("customer.phone", FilterOperator.Contains, "x", false, true, false, "customer.phone is missing")]
    [InlineData("age", FilterOperator.Contains, "2", false, true, true, "age contains '2'")]
    [InlineData("nickname", FilterOperator.Contains, "ul", false, true, true, "nickname contains 'ul'")]
    [InlineData("customer.tier", FilterOperator.Contains, "OL", false, false, true, "customer.tier contains 'OL' (ignoring case)")]
    // Like: a search unless anchored
    [InlineData("name", FilterOperator.Like, "^J", false, true, true, "name matches /^J/")]
    [InlineData("name", FilterOperator.Like, "^j", false, true, false, "name does not match /^j/")]
    [InlineData("name", FilterOperator.Like, "^j", false, false, true, "name matches /^j/ (ignoring case)")]
    [InlineData("name", FilterOperator.Like, "an", false, true, true, "name matches /an/")]
    [InlineData("name", FilterOperator.Like, "^an$", false, true, false, "name does not match /^an$/")]
    [InlineData("name", FilterOperator.Like, "^J", true, true, false, "name matches /^J/")]
    [InlineData("name", FilterOperator.Like, "^K", true, true, true, "name does not match /^K/")]
    [InlineData("customer.email", FilterOperator.Like, @"^[^@]+@example\.com$", false, true, true, @"customer.email matches /^[^@]+@example\.com$/")]
    [InlineData("code", FilterOperator.Like, @"^[A-Z]-\d+$", false, true, true, @"code matches /^[A-Z]-\d+$/")]
    [InlineData("age", FilterOperator.Like, "^4", false, true, true, "age matches /^4/")]
    [InlineData("tags", FilterOperator.Like, "^n", false, true, true, "tags has an element that matches /^n/")]
    [InlineData("tags", FilterOperator.Like, "^z", true, true, true, "tags has no element that matches /^z/")]
    [InlineData("customer.phone", FilterOperator.Like, ".*", false, true, false, "customer.phone is missing")]
    [InlineData("customer.phone", FilterOperator.Like, "x", true, true, false, "customer.phone is missing")]
    [InlineData("nickname", FilterOperator.Like, "^null$", false, true, true, "nickname matches /^null$/")]
    [InlineData("active", FilterOperator.Like, "^(true|false)$", false, true, true, "active matches /^(true|false)$/")]
    // In: comma-separated (trimmed) or a JSON array of strings
    [InlineData("currency", FilterOperator.In, "EUR, USD", false, true, true, "currency is one of 'EUR', 'USD'")]
    [InlineData("currency", FilterOperator.In, "GBP,USD", false, true, false, "currency is not one of 'GBP', 'USD'")]
    [InlineData("currency", FilterOperator.In, "eur,usd", false, true, false, "currency is not one of 'eur', 'usd'")]
    [InlineData("currency", FilterOperator.In, "eur,usd", false, false, true, "currency is one of 'eur', 'usd' (ignoring case)")]
    [InlineData("currency", FilterOperator.In, """["EUR, the euro", "EUR"]""", false, true, true, "currency is one of 'EUR, the euro', 'EUR'")]
    [InlineData("currency", FilterOperator.In, "GBP, USD", true, true, true, "currency is not one of 'GBP', 'USD'")]
    [InlineData("currency", FilterOperator.In, "EUR", true, true, false, "currency is one of 'EUR'")]
    [InlineData("age", FilterOperator.In, "41,42", false, true, true, "age is one of '41', '42'")]
    [InlineData("empty", FilterOperator.In, """[""]""", false, true, true, "empty is one of ''")]
    [InlineData("tags", FilterOperator.In, "new, old", false, true, true, "tags has an element that is one of 'new', 'old'")]
    [InlineData("tags", FilterOperator.In, "a,b", false, true, false, "tags has no element that is one of 'a', 'b'")]
    [InlineData("customer.phone", FilterOperator.In, "a,b", false, true, false, "customer.phone is missing")]
    [InlineData("customer.phone", FilterOperator.In, "a,b", true, true, false, "customer.phone is missing")]
    [InlineData("nickname", FilterOperator.In, "null, none", false, true, true, "nickname is one of 'null', 'none'")]
    [InlineData("customer.tier", FilterOperator.In, "GOLD", false, false, true, "customer.tier is one of 'GOLD' (ignoring case)")]
    // GreaterThan and LessThan: JSON numbers and numeric strings, compared as decimals
    [InlineData("total", FilterOperator.GreaterThan, "100", false, true, true, "total is greater than 100")]
    [InlineData("total", FilterOperator.GreaterThan, "149.5", false, true, false, "total is not greater than 149.5")]
    [InlineData("total", FilterOperator.GreaterThan, "100", false, false, true, "total is greater than 100")]
    [InlineData("amount", FilterOperator.GreaterThan, "40", false, true, true, "amount is greater than 40")]
    [InlineData("amount", FilterOperator.GreaterThan, "100", false, true, false, "amount is not greater than 100")]
    [InlineData("amount", FilterOperator.LessThan, "10", false, true, false, "amount is not less than 10")]
    [InlineData("amount", FilterOperator.LessThan, "50", false, true, true, "amount is less than 50")]
    [InlineData("amount", FilterOperator.LessThan, "49.9", false, true, false, "amount is not less than 49.9")]
    [InlineData("age", FilterOperator.LessThan, "42.5", false, true, true, "age is less than 42.5")]
    [InlineData("age", FilterOperator.GreaterThan, "1e1", false, true, true, "age is greater than 10")]
    [InlineData("age", FilterOperator.GreaterThan, "-5", false, true, true, "age is greater than -5")]
    [InlineData("total", FilterOperator.GreaterThan, "100", true, true, false, "total is greater than 100")]
    [InlineData("total", FilterOperator.GreaterThan, "200", true, true, true, "total is not greater than 200")]
    [InlineData("huge", FilterOperator.GreaterThan, "1000000", false, true, true, "huge is greater than 1000000")]
    [InlineData("huge", FilterOperator.LessThan, "0", false, true, false, "huge is not less than 0")]
    [InlineData("name", FilterOperator.GreaterThan, "1", false, true, false, "name is not a number")]
    [InlineData("name", FilterOperator.GreaterThan, "1", true, true, false, "name is not a number")]
    [InlineData("active", FilterOperator.GreaterThan, "0", false, true, false, "active is not a number")]
    [InlineData("nickname", FilterOperator.GreaterThan, "0", false, true, false, "nickname is not a number")]
    [InlineData("nickname", FilterOperator.LessThan, "0", false, true, false, "nickname is not a number")]
    [InlineData("nickname", FilterOperator.GreaterThan, "0", true, true, false, "nickname is not a number")]
    [InlineData("nickname", FilterOperator.LessThan, "0", true, true, false, "nickname is not a number")]
    [InlineData("customer.phone", FilterOperator.GreaterThan, "0", false, true, false, "customer.phone is missing")]
    [InlineData("customer.phone", FilterOperator.LessThan, "0", true, true, false, "customer.phone is missing")]
    [InlineData("scores", FilterOperator.GreaterThan, "10", false, true, true, "scores has an element that is greater than 10")]
    [InlineData("scores", FilterOperator.GreaterThan, "20", false, true, false, "scores has no element that is greater than 20")]
    [InlineData("scores", FilterOperator.GreaterThan, "20", true, true, true, "scores has no element that is greater than 20")]
    [InlineData("mixed", FilterOperator.GreaterThan, "100", false, true, true, "mixed has an element that is greater than 100")]
    [InlineData("words", FilterOperator.GreaterThan, "0", false, true, false, "words has no element that is a number")]
    [InlineData("words", FilterOperator.GreaterThan, "0", true, true, false, "words has no element that is a number")]
    [InlineData("none", FilterOperator.LessThan, "0", true, true, true, "none has no element that is less than 0")]
    [InlineData("customer.visits", FilterOperator.LessThan, "20", false, true, true, "customer.visits is less than 20")]
    [InlineData("customer.visits", FilterOperator.GreaterThan, "12", false, true, false, "customer.visits is not greater than 12")]
    [InlineData("customer", FilterOperator.GreaterThan, "0", false, true, false, "customer is not a number")]
    [InlineData("age", FilterOperator.Exists, null, false, true, true, "age exists")]
    public void MatchesAndExplain_AgreeOnTheOutcome_ForEachOperatorAndFieldShape(
        string field, FilterOperator op, string? value, bool not, bool caseSensitive, bool passes, string explanation)
    {
        using var payload = JsonDocument.Parse(Payload);
        var set = FilterSet.Compile([new MatchFilter(field, op, value, not, caseSensitive)], Timeout);

        var result = set.Explain(payload.RootElement);

        Assert.Equal(passes, set.Matches(payload.RootElement));
        Assert.Equal(passes, result.Matched);
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal((0, passes, explanation), (outcome.Index, outcome.Passed, outcome.Explanation));
    }

    [Fact]
    public void Explain_GivesTheTextThePortalShows_WhenStartsWithFails()
    {
        using var payload = JsonDocument.Parse("""{"name":"Mary"}""");
        var set = FilterSet.Compile([new MatchFilter("name", FilterOperator.StartsWith, "J")], Timeout);

        Assert.Equal("name does not start with 'J'", set.Explain(payload.RootElement).FirstFailure?.Explanation);
    }

    [Fact]
    public void Matches_RequiresEveryFilter_WhenThereAreSeveral()
    {
        using var payload = JsonDocument.Parse(Payload);
        MatchFilter[] passing =
        [
            new("name", FilterOperator.StartsWith, "J"),
            new("total", FilterOperator.GreaterThan, "100"),
            new("customer.tier", FilterOperator.In, "gold, platinum", CaseSensitive: false),
        ];

        Assert.True(FilterSet.Compile(passing, Timeout).Matches(payload.RootElement));
        Assert.False(FilterSet.Compile([.. passing, new("currency", FilterOperator.Is, "USD")], Timeout).Matches(payload.RootElement));
        Assert.False(FilterSet.Compile([new("currency", FilterOperator.Is, "USD"), .. passing], Timeout).Matches(payload.RootElement));
    }

    [Fact]
    public void Explain_EvaluatesEveryFilter_WhenAnEarlierOneFails()
    {
        using var payload = JsonDocument.Parse(Payload);
        var set = FilterSet.Compile(
            [
                new("name", FilterOperator.Is, "John"),
                new("total", FilterOperator.GreaterThan, "100"),
                new("customer.phone", FilterOperator.Exists),
            ],
            Timeout);

        var result = set.Explain(payload.RootElement);

        Assert.False(result.Matched);
        Assert.Equal(
            [(0, false, "name is not 'John'"), (1, true, "total is greater than 100"), (2, false, "customer.phone is missing")],
            result.Outcomes.Select(o => (o.Index, o.Passed, o.Explanation)));
        Assert.Equal(0, result.FirstFailure?.Index);
        Assert.Same(set.Filters[1], result.Outcomes[1].Filter);
    }

    [Fact]
    public void MatchAll_MatchesEveryPayload_WithNoFilters()
    {
        using var payload = JsonDocument.Parse("""{"anything":1}""");

        Assert.Empty(FilterSet.MatchAll.Filters);
        Assert.True(FilterSet.MatchAll.Matches(payload.RootElement));
        Assert.True(FilterSet.Compile([], Timeout).Matches(payload.RootElement));
        var result = FilterSet.MatchAll.Explain(payload.RootElement);
        Assert.True(result.Matched);
        Assert.Empty(result.Outcomes);
        Assert.Null(result.FirstFailure);
    }

    [Fact]
    public void Filters_ListsTheDefinitionsInOrder()
    {
        MatchFilter[] definitions = [new("a", FilterOperator.Exists), new("b", FilterOperator.Is, "x", Not: true)];

        Assert.Equal(definitions, FilterSet.Compile(definitions, Timeout).Filters);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Matches_FailsWithoutThrowing_WhenAPatternTimesOut(bool not)
    {
        using var payload = JsonDocument.Parse("""{"text":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!","list":["b","aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"]}""");
        var set = FilterSet.Compile([new MatchFilter("text", FilterOperator.Like, "(a+)+$", not)], TimeSpan.FromMilliseconds(50));
        var onArray = FilterSet.Compile([new MatchFilter("list", FilterOperator.Like, "(a+)+$", not)], TimeSpan.FromMilliseconds(50));
        var clock = Stopwatch.StartNew();

        var matched = set.Matches(payload.RootElement);
        var result = set.Explain(payload.RootElement);
        var matchedOnArray = onArray.Matches(payload.RootElement);

        Assert.False(matched);
        Assert.False(result.Matched);
        Assert.Equal("text: the pattern /(a+)+$/ took longer than 50 ms, so the filter fails", result.Outcomes[0].Explanation);
        Assert.False(matchedOnArray);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"matching took {clock.Elapsed}");
    }

    [Fact]
    public void Explain_SaysTheTimeoutInSeconds_WhenItIsASecondOrMore()
    {
        var compiled = FilterCompiler.CompileAll([new MatchFilter("text", FilterOperator.Like, "x")], TimeSpan.FromSeconds(1.5), []);
        var filter = Assert.IsType<LikeFilter>(compiled[0]);
        using var payload = JsonDocument.Parse("""{"text":"x"}""");

        Assert.Equal("text: the pattern /x/ took longer than 1.5 s, so the filter fails", filter.Explain(payload.RootElement, Verdict.TimedOut));
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public void Matches_TreatsEveryFieldAsMissing_WhenThePayloadIsNotAnObject(string json)
    {
        using var payload = JsonDocument.Parse(json);

        Assert.False(FilterSet.Compile([new("name", FilterOperator.Is, "x", Not: true)], Timeout).Matches(payload.RootElement));
        Assert.True(FilterSet.Compile([new("name", FilterOperator.Exists, Not: true), new("name", FilterOperator.Any)], Timeout)
            .Matches(payload.RootElement));
    }

    [Fact]
    public void Matches_ComparesTheWholeText_WhenItIsLongerThanTheStackBuffer()
    {
        var text = new string('x', 300) + "é-end";
        using var payload = JsonDocument.Parse(JsonSerializer.Serialize(new { text, items = new[] { "short", text } }));

        Assert.True(FilterSet.Compile([new("text", FilterOperator.EndsWith, "xé-end")], Timeout).Matches(payload.RootElement));
        Assert.True(FilterSet.Compile([new("text", FilterOperator.Is, text)], Timeout).Matches(payload.RootElement));
        Assert.True(FilterSet.Compile([new("items", FilterOperator.In, $"[\"{text}\"]")], Timeout).Matches(payload.RootElement));
        Assert.False(FilterSet.Compile([new("text", FilterOperator.Is, text[1..])], Timeout).Matches(payload.RootElement));
    }

    [Theory]
    [InlineData(FilterOperator.Is, "Zoë", true, true)]
    [InlineData(FilterOperator.Is, "ZOË", true, false)]
    [InlineData(FilterOperator.Is, "ZOË", false, true)]
    [InlineData(FilterOperator.In, "ZOË, Ann", false, true)]
    [InlineData(FilterOperator.Like, "^zoë$", false, true)]
    [InlineData(FilterOperator.StartsWith, "Zoe", true, false)]
    public void Matches_ComparesNonAsciiText_OrdinallyWithOrWithoutCase(FilterOperator op, string value, bool caseSensitive, bool expected)
    {
        using var payload = JsonDocument.Parse("""{"name":"Zoë"}""");

        Assert.Equal(expected, FilterSet.Compile([new("name", op, value, CaseSensitive: caseSensitive)], Timeout).Matches(payload.RootElement));
    }
}
