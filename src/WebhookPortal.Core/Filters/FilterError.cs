namespace WebhookPortal.Core.Filters;

/// <summary>Why a filter cannot be saved: which filter (by position), which of its properties, and what to fix.</summary>
/// <param name="Index">The filter's position in the listener's list, from 0.</param>
/// <param name="Property"><c>field</c>, <c>operator</c>, <c>value</c> or <c>not</c>.</param>
/// <param name="Message">A sentence a person can act on.</param>
public sealed record FilterError(int Index, string Property, string Message);
