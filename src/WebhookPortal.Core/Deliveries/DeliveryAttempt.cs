namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// One HTTP try of a delivery, as the delivery log shows it. The request body is the event's payload
/// (the same for every attempt) and is not stored again here.
/// </summary>
public sealed class DeliveryAttempt
{
    public long Id { get; set; }

    public required string DeliveryId { get; set; }

    /// <summary>Loaded only inside the engine; never part of the JSON an attempt is shown as.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Delivery Delivery { get; set; } = default!;

    /// <summary>1 for the first attempt, growing with each retry and replay.</summary>
    public int Number { get; set; }

    public AttemptTrigger Trigger { get; set; }

    /// <summary>Who asked for a manual attempt or a replay; empty for scheduled ones.</summary>
    public string? TriggeredBy { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public int DurationMilliseconds { get; set; }

    public required string RequestUrl { get; set; }

    /// <summary>The request headers as JSON (an object of name → value), with secrets redacted.</summary>
    public string RequestHeaders { get; set; } = "{}";

    public int? ResponseStatus { get; set; }

    /// <summary>The response headers as JSON, when there was a response.</summary>
    public string? ResponseHeaders { get; set; }

    /// <summary>The response body as text, cut at <c>Delivery:ResponseBodyLimitBytes</c> after decompression.</summary>
    public string? ResponseBody { get; set; }

    /// <summary>Whether the response body was longer than what was kept.</summary>
    public bool ResponseBodyTruncated { get; set; }

    public AttemptErrorKind ErrorKind { get; set; }

    /// <summary>What went wrong, in a sentence, when something did.</summary>
    public string? ErrorMessage { get; set; }
}
