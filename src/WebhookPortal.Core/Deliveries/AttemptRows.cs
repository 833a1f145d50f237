using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Deliveries;

/// <summary>Inserts a batch of attempts, one prepared statement bound once per attempt.</summary>
internal static class AttemptRows
{
    private const int MaxErrorMessage = 2000;

    public static async Task InsertAsync(SqlStatements statements, IEnumerable<DeliveryAttempt> attempts)
    {
        foreach (var a in attempts)
        {
            await statements.ExecuteAsync(
                """
                INSERT INTO delivery_attempts (delivery_id, number, "trigger", triggered_by, started_at, duration_milliseconds, request_url,
                    request_headers, response_status, response_headers, response_body, response_body_truncated, error_kind, error_message)
                VALUES (@delivery, @number, @trigger, @by, @started, @duration, @url, @request, @status, @headers, @body, @truncated, @kind, @message)
                """,
                ("@delivery", a.DeliveryId), ("@number", a.Number), ("@trigger", a.Trigger.ToString()), ("@by", a.TriggeredBy),
                ("@started", a.StartedAt.ToUnixTimeMilliseconds()), ("@duration", a.DurationMilliseconds), ("@url", a.RequestUrl),
                ("@request", a.RequestHeaders), ("@status", a.ResponseStatus), ("@headers", a.ResponseHeaders), ("@body", a.ResponseBody),
                ("@truncated", a.ResponseBodyTruncated), ("@kind", a.ErrorKind.ToString()),
                ("@message", a.ErrorMessage is { Length: > MaxErrorMessage } message ? message[..(MaxErrorMessage - 1)] + "…" : a.ErrorMessage));
        }
    }
}
