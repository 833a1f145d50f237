using WebhookPortal.Core.Filters;

namespace WebhookPortal.Core.Listeners;

/// <summary>What an admin gives to create a listener or replace one (the form and the API alike).</summary>
/// <param name="Hook">The name of the hook whose events the listener receives.</param>
/// <param name="ExpectedVersion">On update: the version the caller last saw; a newer one means someone else changed it.</param>
/// <param name="OwnerAccountId">The customer account that owns it and sees its history; null for none.</param>
public sealed record ListenerInput(
    string? Hook,
    string? Url,
    string? Description,
    bool Enabled,
    IReadOnlyList<ListenerHeader> Headers,
    IReadOnlyList<MatchFilter> Filters,
    int? ExpectedVersion = null,
    int? OwnerAccountId = null);
