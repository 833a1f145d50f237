namespace WebhookPortal.Web.Api;

/// <summary>The <c>page</c> and <c>pageSize</c> query parameters, checked.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public int Skip => (Page - 1) * PageSize;

    /// <summary>The paging asked for, and the validation errors to answer with (empty when it is valid).</summary>
    public static (Paging Paging, Dictionary<string, string[]> Errors) From(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
        {
            errors["page"] = ["page starts at 1."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }

        return (new Paging(page ?? 1, pageSize ?? DefaultPageSize), errors);
    }
}
