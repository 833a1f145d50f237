namespace WebhookPortal.Core.Common;

/// <summary>One page of a server-side query and the number of rows matching it in all.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);
