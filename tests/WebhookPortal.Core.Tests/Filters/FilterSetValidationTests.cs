using WebhookPortal.Core.Filters;

namespace WebhookPortal.Core.Tests.Filters;

public sealed class FilterSetValidationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void Validate_ReturnsNoErrors_WhenEveryRuleIsMet()
    {
        MatchFilter[] filters =
        [
            new("customer.email", FilterOperator.EndsWith, "@example.com"),
            new("line_items", FilterOperator.Exists),
            new("x-id", FilterOperator.Any, ""),
            new("name", FilterOperator.Is, ""),
            new("name", FilterOperator.Like, @"^J\w+$", Not: true, CaseSensitive: false),
            new("currency", FilterOperator.In, " EUR , USD "),
            new("amount", FilterOperator.GreaterThan, "-1.5e2"),
            new("amount", FilterOperator.LessThan, "1500.50"),
        ];

        Assert.Empty(FilterSet.Validate(filters, Timeout));
    }

    [Theory]
    [InlineData("", "Enter a field. Use a dotted path of payload fields, such as customer.email.")]
    [InlineData("customer..email", "'customer..email' is not a field. Use a dotted path of payload fields, such as customer.email (letters, digits, _ or -; at most 8 parts).")]
    [InlineData("customer email", "'customer email' is not a field. Use a dotted path of payload fields, such as customer.email (letters, digits, _ or -; at most 8 parts).")]
    [InlineData("tags[0]", "'tags[0]' is not a field. Use a dotted path of payload fields, such as customer.email (letters, digits, _ or -; at most 8 parts).")]
    public void Validate_RefusesTheField_WhenItIsNotADottedPath(string field, string message) =>
        AssertSingleError(new MatchFilter(field, FilterOperator.Exists), "field", message);

    [Fact]
    public void Validate_RefusesTheOperator_WhenItIsNotDefined() =>
        AssertSingleError(new MatchFilter("name", (FilterOperator)42, "x"), "operator",
            "Choose an operator: Any, Is, StartsWith, EndsWith, Contains, Like, Exists, In, GreaterThan, LessThan.");

    [Theory]
    [InlineData(FilterOperator.Is, null, "Enter the text the field must be; an empty value matches an empty string, but the value cannot be left out.")]
    [InlineData(FilterOperator.StartsWith, "", "Enter the text the field must start with.")]
    [InlineData(FilterOperator.EndsWith, null, "Enter the text the field must end with.")]
    [InlineData(FilterOperator.Contains, "", "Enter the text the field must contain.")]
    [InlineData(FilterOperator.Like, "", "Enter a regular expression, such as ^order\\. (anchor it with ^ and $ to match the whole text).")]
    [InlineData(FilterOperator.In, null, "Enter the values to accept, separated by commas, such as EUR, USD.")]
    [InlineData(FilterOperator.GreaterThan, "", "Enter the number the field must be greater than, such as 100.")]
    [InlineData(FilterOperator.LessThan, null, "Enter the number the field must be less than, such as 10.")]
    public void Validate_AsksForAValue_WhenTheOperatorNeedsOne(FilterOperator op, string? value, string message) =>
        AssertSingleError(new MatchFilter("name", op, value), "value", message);

    [Theory]
    [InlineData(FilterOperator.Any, "Any takes no value; clear it.")]
    [InlineData(FilterOperator.Exists, "Exists takes no value; clear it.")]
    public void Validate_RefusesAValue_WhenTheOperatorTakesNone(FilterOperator op, string message) =>
        AssertSingleError(new MatchFilter("name", op, "x"), "value", message);

    [Fact]
    public void Validate_GivesTheParsersMessage_WhenThePatternIsNotARegularExpression() =>
        AssertSingleError(new MatchFilter("name", FilterOperator.Like, "("), "value",
            "The pattern is not a valid regular expression: Invalid pattern '(' at offset 1. Not enough )'s.");

    [Theory]
    [InlineData("EUR,,USD", "The list has an empty value; separate the values with single commas, such as EUR, USD.")]
    [InlineData("EUR, ", "The list has an empty value; separate the values with single commas, such as EUR, USD.")]
    [InlineData("""["EUR", 1]""", "A list that starts with [ must be a JSON array of strings, such as [\"EUR\", \"USD\"].")]
    [InlineData("[]", "The list is empty; give at least one value.")]
    public void Validate_RefusesTheList_WhenAnItemIsEmptyOrNotAString(string value, string message) =>
        AssertSingleError(new MatchFilter("currency", FilterOperator.In, value), "value", message);

    [Fact]
    public void Validate_NamesTheJsonError_WhenAListThatStartsWithABracketIsNotJson()
    {
        var error = Assert.Single(FilterSet.Validate([new MatchFilter("currency", FilterOperator.In, "[EUR, USD]")], Timeout));

        Assert.Equal("value", error.Property);
        Assert.StartsWith("A list that starts with [ must be a JSON array of strings, such as [\"EUR\", \"USD\"]: ", error.Message);
        Assert.Contains("LineNumber: 0", error.Message);
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void Validate_AllowsAtMostAHundredListValues(int count, bool valid)
    {
        var commaSeparated = string.Join(",", Enumerable.Range(0, count));
        var json = "[" + string.Join(",", Enumerable.Range(0, count).Select(i => $"\"{i}\"")) + "]";

        foreach (var value in new[] { commaSeparated, json })
        {
            var errors = FilterSet.Validate([new MatchFilter("code", FilterOperator.In, value)], Timeout);
            Assert.Equal(valid ? [] : [new FilterError(0, "value", "The list has 101 values; the most is 100.")], errors);
        }
    }

    [Theory]
    [InlineData(FilterOperator.GreaterThan, "abc")]
    [InlineData(FilterOperator.GreaterThan, "1,5")]
    [InlineData(FilterOperator.LessThan, "1e40")]
    [InlineData(FilterOperator.LessThan, "NaN")]
    public void Validate_RefusesTheValue_WhenItIsNotADecimalNumber(FilterOperator op, string value) =>
        AssertSingleError(new MatchFilter("amount", op, value), "value",
            $"'{value}' is not a number; write it with a dot for decimals and no thousands separator, such as 1500.50.");

    [Fact]
    public void Validate_RefusesNotAny() =>
        AssertSingleError(new MatchFilter("name", FilterOperator.Any, Not: true), "not",
            "Not Any would match no event at all, so it cannot be saved. To require the field to be absent, use Exists with Not; to accept every event, remove the filter.");

    [Theory]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void Validate_AllowsValuesOfAtMostAThousandCharacters(int length, bool valid)
    {
        var errors = FilterSet.Validate([new MatchFilter("name", FilterOperator.Contains, new string('x', length))], Timeout);

        Assert.Equal(valid ? [] : [new FilterError(0, "value", "The value is 1001 characters long; the most is 1000.")], errors);
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(23, false)]
    public void Validate_AllowsAtMostTwentyFilters(int count, bool valid)
    {
        var filters = Enumerable.Range(0, count).Select(i => new MatchFilter($"f{i}", FilterOperator.Exists)).ToArray();

        var errors = FilterSet.Validate(filters, Timeout);

        Assert.Equal(valid ? [] : [new FilterError(20, "field", "A listener can have at most 20 filters; remove 3.")], errors);
    }

    [Fact]
    public void Validate_ReportsEveryError_WithTheFiltersPositionAndProperty()
    {
        MatchFilter?[] filters =
        [
            new("name", FilterOperator.Is, "Jane"),
            new("bad path", FilterOperator.Like, "("),
            null,
            new("ok", FilterOperator.Any, "x", Not: true),
        ];

        var errors = FilterSet.Validate(filters!, Timeout);

        Assert.Equal(
            [(1, "field"), (1, "value"), (2, "field"), (3, "not"), (3, "value")],
            errors.Select(e => (e.Index, e.Property)));
        Assert.Equal("This filter is empty; give it a field and an operator, or remove it.", errors[2].Message);
    }

    [Fact]
    public void Compile_ThrowsWithEveryError_WhenTheFiltersAreNotValid()
    {
        MatchFilter[] filters = [new("name", FilterOperator.Is, "Jane"), new("amount", FilterOperator.GreaterThan, "lots")];

        var failure = Assert.Throws<ArgumentException>(() => FilterSet.Compile(filters, Timeout));

        Assert.Equal("filters", failure.ParamName);
        Assert.Contains("Filter 2, value: 'lots' is not a number", failure.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ValidateAndCompile_Throw_WhenTheRegexTimeoutIsNotPositive(int milliseconds)
    {
        MatchFilter[] filters = [new("name", FilterOperator.Like, "x")];
        var timeout = TimeSpan.FromMilliseconds(milliseconds);

        Assert.Throws<ArgumentOutOfRangeException>(() => FilterSet.Validate(filters, timeout));
        Assert.Throws<ArgumentOutOfRangeException>(() => FilterSet.Compile(filters, timeout));
    }

    private static void AssertSingleError(MatchFilter filter, string property, string message)
    {
        var errors = FilterSet.Validate([new MatchFilter("name", FilterOperator.Any), filter], Timeout);

        Assert.Equal([new FilterError(1, property, message)], errors);
        Assert.Throws<ArgumentException>(() => FilterSet.Compile([filter], Timeout));
    }
}
