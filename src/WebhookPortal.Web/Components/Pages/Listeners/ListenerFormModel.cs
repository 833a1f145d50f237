using WebhookPortal.Core.Filters;
using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Web.Components.Pages.Listeners;

/// <summary>The listener form's editable state; turned into a <see cref="ListenerInput"/> on save.</summary>
public sealed class ListenerFormModel
{
    public string? Hook { get; set; }

    public string Url { get; set; } = "";

    public string Description { get; set; } = "";

    public bool Enabled { get; set; } = true;

    public List<HeaderRow> Headers { get; set; } = [];

    public List<FilterRow> Filters { get; set; } = [];

    public int? Version { get; set; }

    /// <summary>The customer account that owns it, or null for none.</summary>
    public int? OwnerAccountId { get; set; }

    public static ListenerFormModel From(Listener listener) => new()
    {
        Hook = listener.Hook.Name,
        Url = listener.Url,
        Description = listener.Description,
        Enabled = listener.Enabled,
        Headers = listener.Headers.Select(h => new HeaderRow { Name = h.Name, Value = h.Value }).ToList(),
        Filters = listener.Filters.Select(FilterRow.From).ToList(),
        Version = listener.Version,
        OwnerAccountId = listener.OwnerAccountId,
    };

    public IReadOnlyList<MatchFilter> MatchFilters() => Filters.Select(f => f.ToDefinition()).ToList();

    public ListenerInput ToInput() => new(
        Hook, Url, Description, Enabled,
        Headers.Select(h => new ListenerHeader(h.Name, h.Value)).ToList(),
        MatchFilters(),
        Version,
        OwnerAccountId);

    public sealed class HeaderRow
    {
        public string Name { get; set; } = "";

        public string Value { get; set; } = "";
    }

    public sealed class FilterRow
    {
        public string Field { get; set; } = "";

        public FilterOperator Operator { get; set; } = FilterOperator.Is;

        public string Value { get; set; } = "";

        public bool Not { get; set; }

        public bool CaseSensitive { get; set; } = true;

        /// <summary>Any and Exists compare nothing, so the form hides their value box.</summary>
        public bool TakesValue => Operator is not (FilterOperator.Any or FilterOperator.Exists);

        public static FilterRow From(MatchFilter filter) => new()
        {
            Field = filter.Field,
            Operator = filter.Operator,
            Value = filter.Value ?? "",
            Not = filter.Not,
            CaseSensitive = filter.CaseSensitive,
        };

        public MatchFilter ToDefinition() =>
            new(Field, Operator, TakesValue ? Value : null, Not, CaseSensitive);
    }
}
