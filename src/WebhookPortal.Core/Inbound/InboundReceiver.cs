using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Inbound;

/// <summary>
/// Receives a request to <c>/ingest/{source}</c>: reads the body within the payload limit, verifies it with
/// the source's scheme against the exact bytes received, and only then parses it and publishes it as an
/// event of the source's hook. Every refusal past the source lookup is recorded for the admin.
/// </summary>
public sealed class InboundReceiver(
    IDbContextFactory<PortalDbContext> contextFactory,
    EventPublisher publisher,
    IOptions<InboundOptions> inboundOptions,
    IOptions<EventOptions> eventOptions,
    TimeProvider clock,
    ILogger<InboundReceiver> logger)
{
    public async Task<IngestOutcome> ReceiveAsync(string sourceName, InboundRequest request, CancellationToken cancellationToken)
    {
        InboundSource? source;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            // Unknown and disabled look the same from outside, and neither is recorded: nobody has asked for those requests.
            source = await db.InboundSources.AsNoTracking().Include(s => s.Hook)
                .SingleOrDefaultAsync(s => s.Name == sourceName && s.Enabled, cancellationToken);
        }

        if (source is null)
        {
            return IngestOutcome.SourceNotFound;
        }

        var limit = eventOptions.Value.MaxPayloadBytes;
        var tooLarge = $"The body is larger than {limit} bytes, the most an event may hold (Events:MaxPayloadBytes).";
        if (request.ContentLength > limit)
        {
            return await RejectAsync(source, request, RejectionReason.PayloadTooLarge, tooLarge, request.ContentLength.Value, cancellationToken);
        }

        if (await InboundBody.ReadAsync(request.Body, limit, cancellationToken) is not { } body)
        {
            return await RejectAsync(source, request, RejectionReason.PayloadTooLarge, tooLarge, limit + 1L, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var scheme = SignatureScheme.For(source.Scheme);
        var verification = scheme.Verify(request.Headers, body.Span, source.SecretsAt(now), source.HeaderName,
            new TimeWindow(now, inboundOptions.Value.Tolerance));
        if (verification.Reason is { } reason)
        {
            return await RejectAsync(source, request, reason, verification.Detail, body.Length, cancellationToken);
        }

        using var document = InboundBody.Parse(body);
        if (document?.RootElement.ValueKind != JsonValueKind.Object)
        {
            return await RejectAsync(source, request, RejectionReason.InvalidPayload,
                "The signature verifies, but the body is not a JSON object. Have the sender post JSON (Content-Type: application/json).",
                body.Length, cancellationToken);
        }

        var payload = document.RootElement;
        var key = IdempotencyKey(source.Name, scheme.DeliveryId(request.Headers, payload));
        var published = await publisher.PublishAsync(
            new PublishRequest(source.Hook.Name, payload, EventOrigin.Inbound, OriginDetail: $"source {source.Name}", IdempotencyKey: key),
            cancellationToken);
        return published.Succeeded
            ? IngestOutcome.Accepted(published.Value)
            : await RejectAsync(source, request, RejectionReason.InvalidPayload,
                published.Error.Fields?.Values.SelectMany(m => m).FirstOrDefault() ?? published.Error.Detail, body.Length, cancellationToken);
    }

    /// <summary>
    /// The event's idempotency key: the sender's delivery id under the source's name, so two sources feeding one
    /// hook cannot collide. An id that is not a usable key (too long, spaces) is replaced by its SHA-256.
    /// </summary>
    internal static string? IdempotencyKey(string sourceName, string? deliveryId)
    {
        if (string.IsNullOrEmpty(deliveryId))
        {
            return null;
        }

        var key = $"{sourceName}:{deliveryId}";
        return IdempotencyKeys.Check(key) is null
            ? key
            : $"{sourceName}:sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(deliveryId)))}";
    }

    private async Task<IngestOutcome> RejectAsync(
        InboundSource source, InboundRequest request, RejectionReason reason, string detail, long bodyLength, CancellationToken cancellationToken)
    {
        var rejection = new InboundRejection
        {
            SourceId = source.Id,
            ReceivedAt = clock.GetUtcNow(),
            Reason = reason,
            Detail = detail.Length > InboundRejection.MaxDetailLength ? detail[..InboundRejection.MaxDetailLength] : detail,
            RemoteAddress = request.RemoteAddress,
            HeaderNames = request.Headers.Names.Take(InboundRejection.MaxHeaderNames).ToList(),
            BodyLength = bodyLength,
        };
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await RejectionLog.AddAsync(db, rejection, inboundOptions.Value.MaxRejectionsPerSource, cancellationToken);
        }

        logger.LogInformation("Inbound request to source {SourceName} refused: {Reason}", source.Name, reason);
        return IngestOutcome.Refused(reason, detail);
    }
}
