namespace WebhookPortal.Client;

/// <summary>Which listeners to list, in what order, and which page. Empty properties do not narrow.</summary>
public sealed record ListenerQuery
{
    /// <summary>Only listeners of this hook.</summary>
    public string? Hook { get; init; }

    /// <summary>Only listeners whose URL contains this text.</summary>
    public string? UrlContains { get; init; }

    /// <summary>Only enabled (true) or disabled (false) listeners.</summary>
    public bool? Enabled { get; init; }

    /// <summary>Only listeners owned by this customer account.</summary>
    public int? OwnerAccountId { get; init; }

    /// <summary>Sort by <c>CreatedAt</c> (the default), <c>Url</c> or <c>Hook</c>.</summary>
    public string? SortBy { get; init; }

    /// <summary>Oldest or A first (true), newest or Z first (false, the default).</summary>
    public bool? Ascending { get; init; }

    /// <summary>The page, from 1.</summary>
    public int? Page { get; init; }

    /// <summary>Listeners per page, 1–500; 50 when left out.</summary>
    public int? PageSize { get; init; }
}
