using System.Text;
using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// What a batch of claimed deliveries needs to be sent — payloads and listener endpoints — from the
/// caches when they have them, and otherwise in one query each for the whole batch.
/// </summary>
public sealed class DeliveryWorkLoader(PayloadCache payloads, ListenerEndpointCache endpoints)
{
    public async Task<List<DeliveryWork>> LoadAsync(
        PortalDbContext db, IReadOnlyList<ClaimedDelivery> claims, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var missingEvents = claims.Select(c => c.EventId).Where(id => !payloads.TryGet(id, out _)).Distinct().ToList();
        var read = missingEvents.Count == 0
            ? new Dictionary<string, byte[]>()
            : await db.Events.AsNoTracking().Where(e => missingEvents.Contains(e.Id)).Select(e => new { e.Id, e.Payload })
                .ToDictionaryAsync(e => e.Id, e => Encoding.UTF8.GetBytes(e.Payload), cancellationToken);

        var known = new Dictionary<string, ListenerEndpoint>();
        var missingListeners = claims.Select(c => c.ListenerId).Where(id => !endpoints.TryGet(id, out _)).Distinct().ToList();
        if (missingListeners.Count > 0)
        {
            // Read before the query: a listener changed meanwhile must not have its old endpoint cached.
            var generation = endpoints.Generation;

            // A listener deleted while its delivery was in flight still gets that delivery: it was claimed before.
            var rows = await db.Listeners.AsNoTracking().IgnoreQueryFilters().Where(l => missingListeners.Contains(l.Id))
                .Select(l => new { l.Id, l.Url, l.Secret, l.PreviousSecret, l.PreviousSecretExpiresAt, l.Headers })
                .ToListAsync(cancellationToken);
            foreach (var l in rows)
            {
                known[l.Id] = new ListenerEndpoint(l.Url, l.Secret, l.PreviousSecret, l.PreviousSecretExpiresAt, l.Headers);
                endpoints.Remember(l.Id, known[l.Id], generation);
            }
        }

        var work = new List<DeliveryWork>(claims.Count);
        foreach (var claim in claims)
        {
            var payload = payloads.TryGet(claim.EventId, out var cached) ? cached : read[claim.EventId];
            if (!known.TryGetValue(claim.ListenerId, out var endpoint))
            {
                endpoints.TryGet(claim.ListenerId, out endpoint);
            }

            work.Add(new DeliveryWork(claim, payload, endpoint.Url, endpoint.SecretsAt(now), endpoint.Headers));
        }

        return work;
    }
}
