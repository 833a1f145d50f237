using WebhookPortal.Core.Common;

namespace WebhookPortal.Core.Listeners;

/// <summary>What the listener grid asks for: filters, an order and a page.</summary>
public sealed record ListenerQuery
{
    public const int MaxPageSize = 500;

    /// <summary>Only listeners of this hook (by name).</summary>
    public string? Hook { get; init; }

    /// <summary>Text found anywhere in the URL, case-insensitively.</summary>
    public string? UrlContains { get; init; }

    public bool? Enabled { get; init; }

    /// <summary>Only listeners owned by this customer account.</summary>
    public int? OwnerAccountId { get; init; }

    public ListenerSortField SortBy { get; init; } = ListenerSortField.CreatedAt;

    public SortDirection Direction { get; init; } = SortDirection.Descending;

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}
