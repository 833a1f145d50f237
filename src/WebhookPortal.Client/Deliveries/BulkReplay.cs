namespace WebhookPortal.Client;

/// <summary>A bulk replay: how many finished deliveries it takes and how far it got.</summary>
/// <param name="JobId">The replay's id (<c>rpl_…</c>), to follow it; null for a dry run.</param>
/// <param name="Total">How many deliveries the filter matched when it was asked.</param>
/// <param name="Queued">How many have been queued again so far.</param>
/// <param name="Completed">Whether every one has been queued.</param>
public sealed record BulkReplay(string? JobId, int Total, int Queued, bool Completed);
