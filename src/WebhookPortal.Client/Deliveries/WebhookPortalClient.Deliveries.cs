namespace WebhookPortal.Client;

public sealed partial class WebhookPortalClient
{
    /// <summary>Lists the delivery log, newest first. A customer's key sees only its own listeners' deliveries.</summary>
    /// <param name="filter">What to narrow to; everything when null.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Deliveries per page (50 when left out; the portal caps it).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the total number of matching deliveries.</returns>
    /// <exception cref="WebhookPortalApiException">400 when a filter value or the paging is invalid.</exception>
    public Task<ListPage<DeliverySummary>> ListDeliveriesAsync(
        DeliveryFilter? filter = null, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        filter ??= new DeliveryFilter();
        var path = "api/deliveries" + Query(("listenerId", filter.ListenerId), ("hook", filter.Hook), ("owner", filter.OwnerAccountId),
            ("status", filter.Status?.ToString()), ("httpStatus", filter.HttpStatus), ("eventId", filter.EventId), ("url", filter.UrlContains),
            ("since", filter.Since), ("until", filter.Until), ("page", page), ("pageSize", pageSize));
        return ReadAsync<ListPage<DeliverySummary>>(HttpMethod.Get, path, null, retry: true, cancellationToken);
    }

    /// <summary>Reads one delivery with its payload and every attempt.</summary>
    /// <param name="id">The delivery's id (<c>dlv_…</c>), the <c>webhook-id</c> its receiver saw.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The delivery.</returns>
    /// <exception cref="WebhookPortalApiException">404 when no delivery has the id (or it is another customer's).</exception>
    public Task<DeliveryDetails> GetDeliveryAsync(string id, CancellationToken cancellationToken = default) =>
        ReadAsync<DeliveryDetails>(HttpMethod.Get, $"api/deliveries/{Segment(id)}", null, retry: true, cancellationToken);

    /// <summary>Sends a finished (succeeded or failed) delivery once more, as a new attempt with trigger <c>Replay</c>. Sent once.</summary>
    /// <param name="id">The delivery's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The delivery, pending again.</returns>
    /// <exception cref="WebhookPortalApiException">404 not found, 409 not finished or its listener deleted, 403 a customer's key.</exception>
    public Task<DeliveryDetails> ReplayDeliveryAsync(string id, CancellationToken cancellationToken = default) =>
        ReadAsync<DeliveryDetails>(HttpMethod.Post, $"api/deliveries/{Segment(id)}/replay", null, retry: false, cancellationToken);

    /// <summary>How many finished deliveries <see cref="ReplayDeliveriesAsync"/> would replay with this filter, replaying none.</summary>
    /// <param name="filter">What to narrow to.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The number of replayable deliveries that match.</returns>
    /// <exception cref="WebhookPortalApiException">403 when the key is not support's or an admin's.</exception>
    public async Task<int> CountReplayableAsync(DeliveryFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var dryRun = await ReadAsync<BulkReplay>(HttpMethod.Post, "api/deliveries/replay?dryRun=true", filter, retry: true, cancellationToken)
            .ConfigureAwait(false);
        return dryRun.Total;
    }

    /// <summary>
    /// Replays every finished delivery the filter matches, in the background on the portal; follow it with
    /// <see cref="GetBulkReplayAsync"/>. Sent once.
    /// </summary>
    /// <param name="filter">What to narrow to; check the number first with <see cref="CountReplayableAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The replay's id and how many deliveries it takes.</returns>
    /// <exception cref="WebhookPortalApiException">400 invalid filter, 409 nothing to replay or too many, 403 not support or admin.</exception>
    public Task<BulkReplay> ReplayDeliveriesAsync(DeliveryFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return ReadAsync<BulkReplay>(HttpMethod.Post, "api/deliveries/replay", filter, retry: false, cancellationToken);
    }

    /// <summary>How far a bulk replay got.</summary>
    /// <param name="jobId">The id <see cref="ReplayDeliveriesAsync"/> returned.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The replay's progress.</returns>
    /// <exception cref="WebhookPortalApiException">404 when no bulk replay has the id.</exception>
    public Task<BulkReplay> GetBulkReplayAsync(string jobId, CancellationToken cancellationToken = default) =>
        ReadAsync<BulkReplay>(HttpMethod.Get, $"api/deliveries/replay/{Segment(jobId)}", null, retry: true, cancellationToken);
}
