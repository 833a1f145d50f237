namespace WebhookPortal.Client;

public sealed partial class WebhookPortalClient
{
    /// <summary>Lists listeners, one page at a time. A customer's key sees only its own.</summary>
    /// <param name="query">Filters, order and page; all listeners, newest first, 50 a page when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the total number of matching listeners.</returns>
    /// <exception cref="WebhookPortalApiException">400 when a query value is invalid.</exception>
    public Task<ListPage<ListenerSummary>> ListListenersAsync(ListenerQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new ListenerQuery();
        var path = "api/listeners" + Query(("hook", query.Hook), ("url", query.UrlContains), ("enabled", query.Enabled),
            ("owner", query.OwnerAccountId), ("sort", query.SortBy), ("direction", query.Ascending switch { true => "asc", false => "desc", _ => null }),
            ("page", query.Page), ("pageSize", query.PageSize));
        return ReadAsync<ListPage<ListenerSummary>>(HttpMethod.Get, path, null, retry: true, cancellationToken);
    }

    /// <summary>Reads one listener with all its settings (the secret only as a hint).</summary>
    /// <param name="id">The listener's id (<c>lst_…</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The listener.</returns>
    /// <exception cref="WebhookPortalApiException">404 when no listener has the id (or it is another customer's).</exception>
    public Task<Listener> GetListenerAsync(string id, CancellationToken cancellationToken = default) =>
        ReadAsync<Listener>(HttpMethod.Get, $"api/listeners/{Segment(id)}", null, retry: true, cancellationToken);

    /// <summary>Creates a listener. Sent once, never retried: a repeat would make a second listener.</summary>
    /// <param name="listener">Its hook, URL, filters and headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new listener, with its full <see cref="Listener.Secret"/>: store it, it is not shown again.</returns>
    /// <exception cref="WebhookPortalApiException">400 naming each invalid field, 404 unknown hook, 403 not an admin key.</exception>
    public Task<Listener> CreateListenerAsync(ListenerRequest listener, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(listener);
        return ReadAsync<Listener>(HttpMethod.Post, "api/listeners", listener, retry: false, cancellationToken);
    }

    /// <summary>Replaces a listener's hook, URL, description, headers, filters and owner; the hook may change.</summary>
    /// <param name="id">The listener's id.</param>
    /// <param name="listener">The new settings; set <see cref="ListenerRequest.Version"/> to refuse overwriting a change made since you read it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The listener as saved, with any warnings about its URL.</returns>
    /// <exception cref="WebhookPortalApiException">400 invalid, 404 not found, 409 changed since <see cref="ListenerRequest.Version"/>.</exception>
    public Task<Listener> UpdateListenerAsync(string id, ListenerRequest listener, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(listener);
        return ReadAsync<Listener>(HttpMethod.Put, $"api/listeners/{Segment(id)}", listener, retry: false, cancellationToken);
    }

    /// <summary>Deletes a listener; its deliveries that have not been sent are cancelled, its history stays in the log.</summary>
    /// <param name="id">The listener's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="WebhookPortalApiException">404 when no listener has the id.</exception>
    public async Task DeleteListenerAsync(string id, CancellationToken cancellationToken = default)
    {
        using var _ = await SendAsync(HttpMethod.Delete, $"api/listeners/{Segment(id)}", null, null, retry: false, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Turns a listener on and clears its failure record; what happens to the deliveries held meanwhile is yours to say.</summary>
    /// <param name="id">The listener's id.</param>
    /// <param name="held">Send the held deliveries (the default) or discard them.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The listener, enabled.</returns>
    /// <exception cref="WebhookPortalApiException">404 when no listener has the id.</exception>
    public Task<Listener> EnableListenerAsync(string id, HeldDeliveries held = HeldDeliveries.Send, CancellationToken cancellationToken = default) =>
        ReadAsync<Listener>(HttpMethod.Post, $"api/listeners/{Segment(id)}/enable" + Query(("held", held.ToString().ToLowerInvariant())),
            null, retry: true, cancellationToken);

    /// <summary>Turns a listener off; deliveries of new events are kept (held) until it is enabled again.</summary>
    /// <param name="id">The listener's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The listener, disabled.</returns>
    /// <exception cref="WebhookPortalApiException">404 when no listener has the id.</exception>
    public Task<Listener> DisableListenerAsync(string id, CancellationToken cancellationToken = default) =>
        ReadAsync<Listener>(HttpMethod.Post, $"api/listeners/{Segment(id)}/disable", null, retry: true, cancellationToken);

    /// <summary>
    /// Makes a new signing secret. For an overlap (<c>Listeners:SecretRotationOverlapHours</c>) deliveries carry a
    /// signature with each secret, so the receiver can switch without losing any. Sent once, never retried.
    /// </summary>
    /// <param name="id">The listener's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new secret in full and until when the previous one still signs.</returns>
    /// <exception cref="WebhookPortalApiException">404 when no listener has the id, 403 not an admin key.</exception>
    public Task<RotatedSecret> RotateListenerSecretAsync(string id, CancellationToken cancellationToken = default) =>
        ReadAsync<RotatedSecret>(HttpMethod.Post, $"api/listeners/{Segment(id)}/rotate-secret", null, retry: false, cancellationToken);
}
