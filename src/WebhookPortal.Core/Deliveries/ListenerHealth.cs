using System.Globalization;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// A listener's health, kept with each attempt: a success resets it; failures count up, and after
/// <c>Delivery:DisableAfterFailures</c> in a row over at least <c>Delivery:DisableAfterHours</c> (or at once
/// after a 410 Gone) the listener is disabled with a reason and its pending deliveries are held.
/// </summary>
internal static class ListenerHealth
{
    /// <summary>Clears the failure record of listeners that just had a success (a row already clear is not written).</summary>
    public static async Task ResetAsync(SqlStatements statements, IEnumerable<string> listenerIds)
    {
        foreach (var id in listenerIds)
        {
            await statements.ExecuteAsync(
                "UPDATE listeners SET consecutive_failures = 0, failing_since = NULL WHERE id = @id AND (consecutive_failures <> 0 OR failing_since IS NOT NULL)",
                ("@id", id));
        }
    }

    /// <summary>Counts a failure, and disables the listener when it has failed long and often enough (or at once after a 410).</summary>
    public static async Task<(string ListenerId, int HookId, string Reason)?> RecordFailureAsync(
        SqlStatements statements, SentAttempt sent, RetryDecision decision, DeliveryOptions options)
    {
        var listenerId = sent.Work.Claim.ListenerId;
        var now = sent.FinishedAt;

        int failures, hookId;
        DateTimeOffset since;
        bool enabled;
        await using (var reader = await statements.Bind(
            """
            UPDATE listeners SET consecutive_failures = consecutive_failures + 1, failing_since = COALESCE(failing_since, @now)
            WHERE id = @id RETURNING consecutive_failures, failing_since, enabled, hook_id
            """,
            ("@id", listenerId), ("@now", now.ToUnixTimeMilliseconds())).ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync())
            {
                return null;
            }

            (failures, since, enabled, hookId) =
                (reader.GetInt32(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetBoolean(2), reader.GetInt32(3));
        }

        string? reason = null;
        if (decision.Outcome == RetryOutcome.FailedAndDisableListener)
        {
            reason = decision.Reason;
        }
        else if (failures >= options.DisableAfterFailures && now - since >= TimeSpan.FromHours(options.DisableAfterHours))
        {
            reason = $"Disabled after {failures} failed attempts in a row since {since.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}. " +
                     $"The last one: {sent.Attempt.ErrorMessage}";
        }

        if (reason is null || !enabled)
        {
            return null;
        }

        await statements.ExecuteAsync(
            """
            UPDATE listeners SET enabled = 0, disabled_reason = @reason, disabled_at = @now, version = version + 1 WHERE id = @id AND enabled = 1;
            UPDATE deliveries SET held = 1 WHERE listener_id = @id AND status = 'Pending' AND held = 0;
            """,
            ("@id", listenerId), ("@reason", reason.Length > 500 ? reason[..497] + "…" : reason), ("@now", now.ToUnixTimeMilliseconds()));
        return (listenerId, hookId, reason);
    }
}
