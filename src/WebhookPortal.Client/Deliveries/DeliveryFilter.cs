namespace WebhookPortal.Client;

/// <summary>Which deliveries to list or replay. Empty properties do not narrow.</summary>
public sealed record DeliveryFilter
{
    /// <summary>Only deliveries of this hook's events.</summary>
    public string? Hook { get; init; }

    /// <summary>Only deliveries to this listener.</summary>
    public string? ListenerId { get; init; }

    /// <summary>Only deliveries to listeners this customer account owns.</summary>
    public int? OwnerAccountId { get; init; }

    /// <summary>Only deliveries in this state.</summary>
    public DeliveryStatus? Status { get; init; }

    /// <summary>Only deliveries whose last attempt got this HTTP status.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>Only deliveries made at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only deliveries made before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only deliveries of this event.</summary>
    public string? EventId { get; init; }

    /// <summary>Only deliveries to listeners whose URL contains this text.</summary>
    public string? UrlContains { get; init; }
}
