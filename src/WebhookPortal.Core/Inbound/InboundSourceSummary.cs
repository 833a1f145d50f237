namespace WebhookPortal.Core.Inbound;

/// <summary>One row of the source list: what it is, where it publishes, and how many requests it refused lately.</summary>
public sealed record InboundSourceSummary(
    string Name,
    string Description,
    InboundScheme Scheme,
    string Hook,
    bool Enabled,
    int RejectionsLastDay,
    DateTimeOffset CreatedAt);
