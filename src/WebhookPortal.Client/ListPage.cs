namespace WebhookPortal.Client;

/// <summary>One page of a list.</summary>
/// <typeparam name="T">What the list holds.</typeparam>
/// <param name="Items">This page's items.</param>
/// <param name="TotalCount">How many match in all, across every page.</param>
/// <param name="Page">This page's number, from 1.</param>
/// <param name="PageSize">Items per page.</param>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize)
{
    /// <summary>Whether a page follows this one.</summary>
    public bool HasMore => Page * PageSize < TotalCount;
}
