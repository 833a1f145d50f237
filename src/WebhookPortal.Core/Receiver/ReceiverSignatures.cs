using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Inbound;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Receiver;

/// <summary>
/// Checks a request to the built-in receiver against the secrets of the listeners that point at its bucket
/// (their URL's path is <c>/receiver/{bucket}</c>, whatever the host and query), or of the one listener named
/// by <c>?listener=</c>. It uses the Standard Webhooks verifier of inbound sources, so "valid" here means what
/// a receiver that follows the specification accepts: current and, during a rotation, previous secret, and
/// the timestamp within <c>Inbound:ToleranceSeconds</c>.
/// </summary>
public sealed class ReceiverSignatures(
    IDbContextFactory<PortalDbContext> contextFactory,
    IOptions<InboundOptions> inboundOptions,
    TimeProvider clock)
{
    private static readonly string[] SignatureHeaders =
        [StandardWebhooksScheme.IdHeader, StandardWebhooksScheme.TimestampHeader, StandardWebhooksScheme.SignatureHeader];

    /// <param name="body">The whole body as received; null when it was too large to keep, and so cannot be checked.</param>
    public async Task<SignatureCheck> CheckAsync(
        string bucket, string? listenerId, InboundHeaders headers, ReadOnlyMemory<byte>? body, CancellationToken cancellationToken)
    {
        if (SignatureHeaders.All(name => headers.Find(name, out _) == HeaderPresence.Missing))
        {
            return new SignatureCheck(SignatureOutcome.NoSignatureHeaders, null, "no signature headers");
        }

        if (body is not { } whole)
        {
            return new SignatureCheck(SignatureOutcome.NotChecked, null, "not checked: the body is larger than the receiver keeps in full");
        }

        var candidates = await CandidatesAsync(bucket, listenerId, cancellationToken);
        if (candidates.Count == 0)
        {
            return new SignatureCheck(SignatureOutcome.NoListener, null,
                listenerId is null ? "no listener points at this bucket" : $"no listener {listenerId}");
        }

        var now = clock.GetUtcNow();
        var window = new TimeWindow(now, inboundOptions.Value.Tolerance);
        var scheme = SignatureScheme.For(InboundScheme.StandardWebhooks);
        foreach (var candidate in candidates)
        {
            foreach (var (secret, which) in candidate.SecretsAt(now))
            {
                var verification = scheme.Verify(headers, whole.Span, [secret], null, window);
                switch (verification.Reason)
                {
                    case null:
                        return new SignatureCheck(SignatureOutcome.Valid, candidate.Id, $"valid: signed by {candidate.Id} ({which} secret)");
                    case RejectionReason.TimestampOutsideTolerance:
                        return new SignatureCheck(SignatureOutcome.TimestampOutsideTolerance, candidate.Id,
                            $"timestamp outside tolerance: signed by {candidate.Id} ({which} secret). {verification.Detail}");
                    case RejectionReason.MissingHeader or RejectionReason.MalformedHeader:
                        return new SignatureCheck(SignatureOutcome.Malformed, null, $"malformed: {verification.Detail}");
                }
            }
        }

        return new SignatureCheck(SignatureOutcome.Invalid, null,
            $"invalid signature: no match for the secret of {string.Join(", ", candidates.Select(c => c.Id))}");
    }

    private async Task<List<Candidate>> CandidatesAsync(string bucket, string? listenerId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var listeners = db.Listeners.AsNoTracking();
        var path = $"/receiver/{bucket}";
        // The text search narrows the rows; the URL's parsed path decides (so /receiver/orders-2 is not /receiver/orders).
        var found = await (listenerId is not null ? listeners.Where(l => l.Id == listenerId) : listeners.Where(l => l.Url.Contains(path)))
            .OrderBy(l => l.Id)
            .Select(l => new Candidate(l.Id, l.Url, l.Secret, l.PreviousSecret, l.PreviousSecretExpiresAt))
            .ToListAsync(cancellationToken);
        return listenerId is not null ? found : found.Where(c => PointsAt(c.Url, path)).ToList();
    }

    private static bool PointsAt(string url, string path) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && string.Equals(uri.AbsolutePath.TrimEnd('/'), path, StringComparison.OrdinalIgnoreCase);

    private sealed record Candidate(string Id, string Url, string Secret, string? PreviousSecret, DateTimeOffset? PreviousSecretExpiresAt)
    {
        // The previous secret counts only while deliveries are still signed with it.
        public IEnumerable<(string Secret, string Which)> SecretsAt(DateTimeOffset now)
        {
            yield return (Secret, "current");
            if (PreviousSecret is { } previous && PreviousSecretExpiresAt > now)
            {
                yield return (previous, "previous");
            }
        }
    }
}
