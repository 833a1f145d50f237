using WebhookPortal.Core.Filters;

namespace WebhookPortal.Web.Components.Pages.Listeners;

/// <summary>The operators as the filter editor offers them, in words.</summary>
public static class OperatorChoices
{
    public static IReadOnlyList<Choice> All { get; } =
    [
        new(FilterOperator.Is, "is"),
        new(FilterOperator.StartsWith, "starts with"),
        new(FilterOperator.EndsWith, "ends with"),
        new(FilterOperator.Contains, "contains"),
        new(FilterOperator.Like, "matches regex"),
        new(FilterOperator.In, "is one of"),
        new(FilterOperator.GreaterThan, "greater than"),
        new(FilterOperator.LessThan, "less than"),
        new(FilterOperator.Exists, "exists"),
        new(FilterOperator.Any, "any value"),
    ];

    public static string Placeholder(FilterOperator op) => op switch
    {
        FilterOperator.Like => "^J.*e$",
        FilterOperator.In => "EUR, USD",
        FilterOperator.GreaterThan or FilterOperator.LessThan => "100",
        _ => "value",
    };

    /// <summary>What an operator without a value checks, said under the filter.</summary>
    public static string NoValueNote(FilterOperator op) => op == FilterOperator.Any
        ? "Passes every event, even one without the field."
        : "The field is present, even when it is null.";

    public sealed record Choice(FilterOperator Value, string Text);
}
