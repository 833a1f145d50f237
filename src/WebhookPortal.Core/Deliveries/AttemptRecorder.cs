using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Listeners;
using WebhookPortal.Core.Observability;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// Stores finished attempts by group commit: the attempt row, the delivery's next state (fenced by the
/// attempt number, so a sender whose lease was taken over cannot overwrite the newer result), and the
/// listener's health, in one transaction per batch. Then it tells the observers and, when a retry is
/// due soon or a listener was disabled, the rest of the engine.
/// </summary>
public sealed class AttemptRecorder : IAsyncDisposable
{
    private readonly BatchWriter<SentAttempt, RecordedAttempt> writer;
    private readonly RetryPolicy policy;
    private readonly DeliveryOptions options;

    public AttemptRecorder(
        WriteGate writeGate, IOptions<DeliveryOptions> options,
        ListenerDirectory directory, DeliveryNotifier notifier, PortalMetrics metrics, ILogger<AttemptRecorder> logger)
    {
        this.options = options.Value;
        policy = new RetryPolicy(this.options);
        writer = new BatchWriter<SentAttempt, RecordedAttempt>(writeGate, WriteAllAsync,
            recorded =>
            {
                foreach (var (_, attempt) in recorded)
                {
                    metrics.AttemptRecorded(attempt);
                    if (attempt.DisabledListener is { } disabled)
                    {
                        directory.Invalidate(disabled.HookId);
                        using var scope = attempt.Sent.Work.Claim.BeginLogScope(logger);
                        logger.LogWarning("Listener {ListenerId} was disabled: {Reason}", disabled.ListenerId, disabled.Reason);
                    }

                    notifier.Finished(attempt);
                }
            },
            logger);
    }

    internal Task<RecordedAttempt> RecordAsync(SentAttempt sent, CancellationToken cancellationToken) =>
        writer.WriteAsync(sent, cancellationToken);

    private async Task<IReadOnlyList<RecordedAttempt>> WriteAllAsync(SqlStatements statements, IReadOnlyList<SentAttempt> sent)
    {
        var decisions = sent.Select(s => policy.Decide(s.Result, s.Work.Claim.AttemptNumber, s.Work.Claim.Trigger, s.FinishedAt)).ToList();
        await AttemptRows.InsertAsync(statements, sent.Select(s => s.Attempt));
        var applied = await DeliveryOutcomes.ApplyAsync(statements, sent, decisions);
        await ListenerHealth.ResetAsync(statements, sent.Where(s => s.Result.Succeeded).Select(s => s.Work.Claim.ListenerId).ToHashSet());

        var recorded = new List<RecordedAttempt>(sent.Count);
        for (var i = 0; i < sent.Count; i++)
        {
            var disabled = sent[i].Result.Succeeded
                ? null
                : await ListenerHealth.RecordFailureAsync(statements, sent[i], decisions[i], options);
            var isApplied = applied.TryGetValue(sent[i].Work.Claim.Id, out var outcome);
            recorded.Add(new RecordedAttempt(sent[i], decisions[i], isApplied, disabled)
            {
                // Disabling the listener holds its pending deliveries, this one's retry included.
                Outcome = !isApplied ? AttemptOutcome.Superseded
                    : disabled is not null && outcome == AttemptOutcome.Retrying ? AttemptOutcome.Held
                    : outcome,
            });
        }

        return recorded;
    }

    public ValueTask DisposeAsync() => writer.DisposeAsync();
}
