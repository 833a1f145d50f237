namespace WebhookPortal.Core.Audit;

/// <summary>What the audit page narrows the trail to; empty properties do not narrow.</summary>
public sealed record AuditQuery
{
    public const int MaxPageSize = 200;

    public string? Action { get; init; }

    /// <summary>The id of the listener, delivery, account or key changed.</summary>
    public string? TargetId { get; init; }

    /// <summary>Text in the actor's name (usually an email).</summary>
    public string? Actor { get; init; }

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}
