using System.Text.Json;

namespace WebhookPortal.Core.Filters;

/// <summary><see cref="FilterOperator.In"/>: the field's text equals one of the listed values.</summary>
internal sealed class InFilter : ComparisonFilter
{
    private readonly IReadOnlyList<string> items;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public InFilter(MatchFilter definition, IReadOnlyList<string> items)
        : base(definition)
    {
        this.items = items;
        var comparer = definition.CaseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
        // The span lookup finds the field's text without making a string of it.
        lookup = new HashSet<string>(items, comparer).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    protected override FieldComparison Compare(JsonElement element)
    {
        Span<char> buffer = stackalloc char[FieldText.StackBufferLength];
        return lookup.Contains(FieldText.Read(element, buffer)) ? FieldComparison.Holds : FieldComparison.DoesNotHold;
    }

    protected override string Describe(bool holds) =>
        (holds ? "is one of " : "is not one of ") + string.Join(", ", items.Select(item => $"'{item}'"));
}
