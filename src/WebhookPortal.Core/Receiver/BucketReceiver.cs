using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Inbound;

namespace WebhookPortal.Core.Receiver;

/// <summary>
/// The built-in receiver: takes a request to <c>/receiver/{bucket}</c>, checks its signature, records it in
/// <see cref="ReceiverLog"/> and decides the answer its query asks for. It records before it waits
/// (<c>?delay=</c>), so the page shows a request while its sender is still waiting for the answer.
/// </summary>
public sealed class BucketReceiver(
    ReceiverLog log,
    ReceiverSignatures signatures,
    IOptions<EventOptions> eventOptions,
    TimeProvider clock,
    ILogger<BucketReceiver> logger)
{
    public const string IdPrefix = "rcv";

    /// <summary>How much of a body is kept to show; the rest is counted, not kept.</summary>
    public const int KeptBodyBytes = 64 * 1024;

    public async Task<ServiceResult<ReceiverAnswer>> ReceiveAsync(string bucket, ReceiverCall call, CancellationToken cancellationToken)
    {
        if (ReceiverBucketName.Check(bucket) is { } problem)
        {
            return ServiceError.Invalid("Not a bucket name", new Dictionary<string, string[]> { ["bucket"] = [problem] });
        }

        var parsed = ReceiverBehaviour.Parse(call.Query);
        if (!parsed.Succeeded)
        {
            return parsed.Error;
        }

        var behaviour = parsed.Value;
        // A delivery's body is at most an event's payload, so that much is kept whole for the signature check.
        var body = await ReceivedBody.ReadAsync(call.Body, KeptBodyBytes, eventOptions.Value.MaxPayloadBytes, cancellationToken);
        var signature = await signatures.CheckAsync(bucket, behaviour.ListenerId, new InboundHeaders(call.Headers), body.Whole, cancellationToken);
        var now = clock.GetUtcNow();
        var (status, reason) = Decide(bucket, call, behaviour, now);
        var request = new ReceivedRequest
        {
            Id = SortableId.New(IdPrefix, now),
            Bucket = bucket,
            ReceivedAt = now,
            Method = call.Method,
            PathAndQuery = call.PathAndQuery,
            Headers = call.Headers.SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v ?? ""))).ToList(),
            Body = Encoding.UTF8.GetString(body.Kept.Span),
            KeptBodyBytes = body.Kept.Length,
            BodyBytes = body.Length,
            RemoteAddress = call.RemoteAddress,
            Signature = signature,
            Status = status,
            AnswerReason = reason,
            Delay = behaviour.Delay,
            RetryAfterSeconds = behaviour.RetryAfterSeconds,
        };
        log.Add(request);
        logger.LogDebug("Receiver bucket {Bucket} recorded {RequestId}, answering {Status}", bucket, request.Id, status);

        if (behaviour.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(behaviour.Delay, clock, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                log.MarkSenderLeft(request);
                throw;
            }
        }

        return ServiceResult<ReceiverAnswer>.Ok(new ReceiverAnswer(request.Id, status, behaviour.RetryAfterSeconds));
    }

    /// <summary>
    /// The status to answer. Failing calls are counted per bucket and query, so each listener pointed at a bucket
    /// with <c>?fail=</c> sees its own first calls fail, and its retries then succeed.
    /// </summary>
    private (int Status, string? Reason) Decide(string bucket, ReceiverCall call, ReceiverBehaviour behaviour, DateTimeOffset now)
    {
        var reason = behaviour.Status is { } asked ? $"status={asked}" : null;
        if (behaviour.Fail > 0)
        {
            var number = log.CountCall(bucket, QueryKey(call), behaviour.Fail, now);
            if (number <= behaviour.Fail)
            {
                return (500, $"fail={behaviour.Fail}: call {number} of {behaviour.Fail} fails");
            }

            reason = $"fail={behaviour.Fail}: the failing calls are over" + (reason is null ? "" : $"; {reason}");
        }

        return (behaviour.Status ?? 200, reason);
    }

    // The same parameters in any order and case of name are the same query.
    private static string QueryKey(ReceiverCall call) => string.Join('&', call.Query
        .Select(p => $"{p.Key.ToLowerInvariant()}={p.Value}")
        .Order(StringComparer.Ordinal));
}
