using WebhookPortal.Core.Common;

namespace WebhookPortal.Core.Hooks;

/// <summary>What a catalogue page asks for: an optional search, an order and a page.</summary>
public sealed record HookQuery
{
    public const int MaxPageSize = 500;

    /// <summary>Text found in the name or the description, case-insensitively.</summary>
    public string? Search { get; init; }

    public HookSource? Source { get; init; }

    public HookSortField SortBy { get; init; } = HookSortField.Name;

    public SortDirection Direction { get; init; } = SortDirection.Ascending;

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}
