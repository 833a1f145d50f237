using WebhookPortal.Core.Filters;

namespace WebhookPortal.Core.Listeners;

/// <summary>A listener as fan-out sees it: whether it is enabled and its compiled filters (null: they do not compile).</summary>
public sealed record RoutedListener(string Id, bool Enabled, FilterSet? Filters);
