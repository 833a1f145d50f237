namespace WebhookPortal.Core.Audit;

/// <summary>
/// One change that matters, written in the transaction of the change and never altered afterwards (the
/// table refuses updates and deletes). Snapshots are JSON with secrets left out.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The account that acted; null for the configured admin key, the system, or an unknown name at sign-in.</summary>
    public int? ActorAccountId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>What happened, as a dotted name: <c>listener.updated</c>, <c>delivery.replayed</c>.</summary>
    public required string Action { get; set; }

    /// <summary>The kind of thing changed: <c>listener</c>, <c>delivery</c>, <c>account</c>, <c>api-key</c>.</summary>
    public required string TargetType { get; set; }

    public string? TargetId { get; set; }

    /// <summary>One sentence for the list.</summary>
    public required string Summary { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }
}
