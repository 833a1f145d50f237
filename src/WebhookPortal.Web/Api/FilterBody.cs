using System.ComponentModel;

namespace WebhookPortal.Web.Api;

/// <summary>A match filter as JSON: <c>{"field":"name","operator":"StartsWith","value":"J","not":false,"caseSensitive":true}</c>.</summary>
public sealed record FilterBody(
    [property: Description("A dotted path into the payload (customer.email), under one of the hook's provided fields.")] string? Field,
    [property: Description("Any, Is, StartsWith, EndsWith, Contains, Like (a .NET regex), Exists, In (comma-separated), GreaterThan or LessThan.")]
    string? Operator,
    [property: Description("What the field is compared with; unused by Any and Exists.")] string? Value,
    [property: Description("Inverts the comparison of a present field. Default false.")] bool? Not,
    [property: Description("Whether text comparisons respect case. Default true.")] bool? CaseSensitive);
