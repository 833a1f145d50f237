namespace WebhookPortal.Client;

/// <summary>One HTTP try of a delivery, with its request and the answer. The request body is the delivery's payload.</summary>
/// <param name="Number">1 for the first attempt, growing with each retry and replay.</param>
/// <param name="Trigger">What started it.</param>
/// <param name="TriggeredBy">Who asked for a manual attempt or a replay.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="DurationMilliseconds">How long it took, connecting included.</param>
/// <param name="RequestUrl">Where it was sent.</param>
/// <param name="RequestHeaders">The request headers as a JSON object, secrets redacted.</param>
/// <param name="ResponseStatus">The answer's HTTP status, when there was an answer.</param>
/// <param name="ResponseHeaders">The answer's headers as a JSON object.</param>
/// <param name="ResponseBody">The answer's body as text, cut at the portal's limit.</param>
/// <param name="ResponseBodyTruncated">Whether the body was longer than what was kept.</param>
/// <param name="ErrorKind">Why it did not succeed; <see cref="AttemptErrorKind.None"/> when it did.</param>
/// <param name="ErrorMessage">What went wrong, in a sentence.</param>
public sealed record DeliveryAttempt(
    int Number,
    AttemptTrigger Trigger,
    string? TriggeredBy,
    DateTimeOffset StartedAt,
    int DurationMilliseconds,
    string RequestUrl,
    string RequestHeaders,
    int? ResponseStatus,
    string? ResponseHeaders,
    string? ResponseBody,
    bool ResponseBodyTruncated,
    AttemptErrorKind ErrorKind,
    string? ErrorMessage);
