namespace WebhookPortal.Web.Api;

/// <summary>A match filter as JSON: <c>{"field":"name","operator":"StartsWith","value":"J","not":false,"caseSensitive":true}</c>.</summary>
public sealed record FilterBody(string? Field, string? Operator, string? Value, bool? Not, bool? CaseSensitive);
