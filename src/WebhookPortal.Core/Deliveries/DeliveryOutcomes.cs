using WebhookPortal.Core.Observability;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// Applies retry decisions to their deliveries. Each row is fenced by its attempt number: a delivery
/// that was claimed again meanwhile (its lease ran out) is left to the newer claim. A retry of a delivery
/// whose listener was disabled while it was being sent is held, and one whose listener was deleted is
/// cancelled (decision 007: the attempt in flight finishes, nothing more is sent).
/// </summary>
internal static class DeliveryOutcomes
{
    /// <returns>The deliveries the decisions were applied to, with what became of each.</returns>
    public static async Task<Dictionary<string, AttemptOutcome>> ApplyAsync(
        SqlStatements statements, IReadOnlyList<SentAttempt> sent, IReadOnlyList<RetryDecision> decisions)
    {
        var applied = await ApplySuccessesAsync(statements, sent, decisions);
        for (var i = 0; i < sent.Count; i++)
        {
            var (attempt, decision) = (sent[i], decisions[i]);
            if (decision.Outcome == RetryOutcome.Succeeded)
            {
                continue;
            }

            var (status, next, completed) = decision.Outcome switch
            {
                RetryOutcome.Succeeded => ("Succeeded", (long?)null, (long?)attempt.FinishedAt.ToUnixTimeMilliseconds()),
                RetryOutcome.Retry => ("Pending", decision.NextAttemptAt!.Value.ToUnixTimeMilliseconds(), null),
                _ => ("Failed", null, attempt.FinishedAt.ToUnixTimeMilliseconds()),
            };
            await using var reader = await statements.Bind(
                """
                UPDATE deliveries SET
                    status = CASE WHEN @status = 'Pending' AND l.deleted_at IS NOT NULL THEN 'Cancelled' ELSE @status END,
                    held = CASE WHEN @status = 'Pending' AND l.enabled = 0 THEN 1 ELSE 0 END,
                    completed_at = CASE WHEN @status = 'Pending' AND l.deleted_at IS NOT NULL THEN @finished ELSE @completed END,
                    next_attempt_at = COALESCE(@next, deliveries.next_attempt_at), lease_expires_at = NULL,
                    last_response_status = @response, next_trigger = 'Scheduled', next_triggered_by = NULL
                FROM listeners l
                WHERE deliveries.id = @id AND l.id = deliveries.listener_id AND deliveries.status = 'Sending' AND deliveries.attempt_count = @attempt
                RETURNING deliveries.status, deliveries.held
                """,
                ("@status", status), ("@next", next), ("@completed", completed), ("@finished", attempt.FinishedAt.ToUnixTimeMilliseconds()),
                ("@response", attempt.Result.StatusCode),
                ("@id", attempt.Work.Claim.Id), ("@attempt", attempt.Work.Claim.AttemptNumber)).ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                applied[attempt.Work.Claim.Id] = reader.GetString(0) switch
                {
                    "Succeeded" => AttemptOutcome.Succeeded,
                    "Failed" => AttemptOutcome.Dead,
                    "Cancelled" => AttemptOutcome.Cancelled,
                    _ => reader.GetBoolean(1) ? AttemptOutcome.Held : AttemptOutcome.Retrying,
                };
            }
        }

        return applied;
    }

    /// <summary>
    /// Marks the batch's successes, with a statement simpler than the general one (most attempts succeed):
    /// a success ends the delivery whatever became of its listener meanwhile.
    /// </summary>
    private static async Task<Dictionary<string, AttemptOutcome>> ApplySuccessesAsync(
        SqlStatements statements, IReadOnlyList<SentAttempt> sent, IReadOnlyList<RetryDecision> decisions)
    {
        var applied = new Dictionary<string, AttemptOutcome>();
        for (var i = 0; i < sent.Count; i++)
        {
            if (decisions[i].Outcome != RetryOutcome.Succeeded)
            {
                continue;
            }

            var attempt = sent[i];
            var changed = await statements.ExecuteAsync(
                "UPDATE deliveries SET status = 'Succeeded', held = 0, completed_at = @completed, lease_expires_at = NULL, " +
                "last_response_status = @response, next_trigger = 'Scheduled', next_triggered_by = NULL " +
                "WHERE id = @id AND status = 'Sending' AND attempt_count = @attempt",
                ("@completed", attempt.FinishedAt.ToUnixTimeMilliseconds()), ("@response", attempt.Result.StatusCode),
                ("@id", attempt.Work.Claim.Id), ("@attempt", attempt.Work.Claim.AttemptNumber));
            if (changed == 1)
            {
                applied[attempt.Work.Claim.Id] = AttemptOutcome.Succeeded;
            }
        }

        return applied;
    }
}
