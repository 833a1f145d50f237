namespace WebhookPortal.Core.Filters;

/// <summary>
/// One condition on one payload field, as stored with a listener and as the API takes it.
/// A listener's filters are ANDed.
/// </summary>
/// <param name="Field">A dotted path into the payload: <c>customer.email</c>.</param>
/// <param name="Operator">How the field is compared.</param>
/// <param name="Value">What it is compared with; unused by <see cref="FilterOperator.Any"/> and <see cref="FilterOperator.Exists"/>.</param>
/// <param name="Not">Inverts the comparison of a present field (a missing field still fails, except for <c>Not Exists</c>).</param>
/// <param name="CaseSensitive">Whether text comparisons respect case; numeric comparisons ignore it.</param>
public sealed record MatchFilter(
    string Field,
    FilterOperator Operator,
    string? Value = null,
    bool Not = false,
    bool CaseSensitive = true);
