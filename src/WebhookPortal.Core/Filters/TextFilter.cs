using System.Text.Json;

namespace WebhookPortal.Core.Filters;

/// <summary>
/// <see cref="FilterOperator.Is"/>, <see cref="FilterOperator.StartsWith"/>, <see cref="FilterOperator.EndsWith"/>
/// and <see cref="FilterOperator.Contains"/>: ordinal comparisons, ignoring case when asked.
/// </summary>
internal sealed class TextFilter(MatchFilter definition) : ComparisonFilter(definition)
{
    private readonly string value = definition.Value ?? "";
    private readonly StringComparison comparison =
        definition.CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    protected override FieldComparison Compare(JsonElement element)
    {
        Span<char> buffer = stackalloc char[FieldText.StackBufferLength];
        var text = FieldText.Read(element, buffer);
        var holds = Definition.Operator switch
        {
            FilterOperator.Is => text.Equals(value, comparison),
            FilterOperator.StartsWith => text.StartsWith(value, comparison),
            FilterOperator.EndsWith => text.EndsWith(value, comparison),
            _ => text.Contains(value, comparison),
        };
        return holds ? FieldComparison.Holds : FieldComparison.DoesNotHold;
    }

    protected override string Describe(bool holds) => (Definition.Operator, holds) switch
    {
        (FilterOperator.Is, true) => $"is '{value}'",
        (FilterOperator.Is, false) => $"is not '{value}'",
        (FilterOperator.StartsWith, true) => $"starts with '{value}'",
        (FilterOperator.StartsWith, false) => $"does not start with '{value}'",
        (FilterOperator.EndsWith, true) => $"ends with '{value}'",
        (FilterOperator.EndsWith, false) => $"does not end with '{value}'",
        (_, true) => $"contains '{value}'",
        (_, false) => $"does not contain '{value}'",
    };
}
