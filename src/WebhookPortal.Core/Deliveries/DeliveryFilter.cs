namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// What the delivery log is narrowed to; bulk replay takes the same filter. Empty properties do not narrow.
/// </summary>
public sealed record DeliveryFilter
{
    /// <summary>The hook's name.</summary>
    public string? Hook { get; init; }

    public string? ListenerId { get; init; }

    /// <summary>The customer account that owns the listener.</summary>
    public int? OwnerAccountId { get; init; }

    public DeliveryStatus? Status { get; init; }

    /// <summary>The HTTP status of the last attempt.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>Deliveries made at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Deliveries made before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    public string? EventId { get; init; }

    /// <summary>Text in the listener's URL.</summary>
    public string? UrlContains { get; init; }
}
