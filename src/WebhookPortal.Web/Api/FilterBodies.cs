using WebhookPortal.Core.Common;
using WebhookPortal.Core.Filters;

namespace WebhookPortal.Web.Api;

/// <summary>Reads filters from JSON, naming an unknown operator instead of failing the whole body.</summary>
public static class FilterBodies
{
    public static List<MatchFilter> Read(IReadOnlyList<FilterBody>? bodies, FieldErrors errors)
    {
        var filters = new List<MatchFilter>();
        for (var i = 0; i < (bodies?.Count ?? 0); i++)
        {
            var body = bodies![i];
            if (!EnumText.TryParse<FilterOperator>(body.Operator, out var op))
            {
                errors.Add($"filters[{i}].operator", $"'{body.Operator}' is not an operator; use one of {EnumText.Names<FilterOperator>()}.");
                op = FilterOperator.Any;
            }

            filters.Add(new MatchFilter(body.Field ?? "", op, body.Value, body.Not ?? false, body.CaseSensitive ?? true));
        }

        return filters;
    }
}
