namespace WebhookPortal.Web.Api;

/// <summary>One page of a list: the items, the number matching in all, and where this page is.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize);
