namespace WebhookPortal.Client;

/// <summary>One condition on one payload field; a listener's filters are ANDed.</summary>
/// <param name="Field">A dotted path into the payload (<c>customer.email</c>) under one of the hook's provided fields.</param>
/// <param name="Operator">How the field is compared.</param>
/// <param name="Value">What it is compared with; unused by <see cref="FilterOperator.Any"/> and <see cref="FilterOperator.Exists"/>.</param>
/// <param name="Not">Inverts the comparison of a present field.</param>
/// <param name="CaseSensitive">Whether text comparisons respect case.</param>
public sealed record MatchFilter(string Field, FilterOperator Operator, string? Value = null, bool Not = false, bool CaseSensitive = true);
