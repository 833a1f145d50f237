using System.Net;
using WebhookPortal.Client;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Client;

/// <summary>Every call of <see cref="WebhookPortalClient"/> against the real app, whose engine delivers to a real receiver.</summary>
[Collection(DeliveringPortalCollection.Name)]
public sealed class WebhookPortalClientTests(DeliveringPortalFixture portal)
{
    private WebhookPortalClient Client => portal.Client;

    [Fact]
    public async Task PublishAsync_DeliversTheEvent_AndReturnsItsIdAndDeliveryCount()
    {
        var listener = await portal.OwnListenerAsync("/client/publish", "ord_publish");

        var published = await Client.PublishAsync("order.paid", new { id = "ord_publish", amount = 12.5, currency = "EUR" });

        Assert.StartsWith("evt_", published.EventId);
        Assert.True(published.Deliveries >= 1);
        Assert.False(published.Repeated);
        Assert.False(string.IsNullOrEmpty(published.IdempotencyKey));
        var delivery = await portal.FinishedDeliveryAsync(listener.Id, published.EventId);
        Assert.Equal(DeliveryStatus.Succeeded, delivery.Delivery.Status);
        Assert.Contains("\"ord_publish\"", portal.Receiver.RequestsTo("/client/publish").Single().BodyText);
    }

    [Fact]
    public async Task PublishAsync_WithTheSameKey_ReturnsTheSameEvent_AndDeliversOnce()
    {
        var listener = await portal.OwnListenerAsync("/client/idempotent", "ord_idem");
        var key = $"order-ord_idem-{Guid.NewGuid():N}";

        var first = await Client.PublishJsonAsync("order.paid", """{"id":"ord_idem"}""", key);
        var again = await Client.PublishJsonAsync("order.paid", """{"id":"ord_idem"}""", key);

        Assert.Equal(first.EventId, again.EventId);
        Assert.True(again.Repeated);
        Assert.Equal(key, again.IdempotencyKey);
        await portal.FinishedDeliveryAsync(listener.Id, first.EventId);
        Assert.Equal(1, (await Client.ListDeliveriesAsync(new DeliveryFilter { ListenerId = listener.Id })).TotalCount);
    }

    [Fact]
    public async Task PublishAsync_ThrowsTheProblem_ForAnUnknownHook()
    {
        var error = await Assert.ThrowsAsync<WebhookPortalApiException>(() => Client.PublishAsync("no.such.hook", new { id = 1 }));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("no.such.hook", error.Detail);
    }

    [Fact]
    public async Task ListenerCalls_CreateReadListUpdateDisableEnableRotateAndDelete()
    {
        var created = await Client.CreateListenerAsync(new ListenerRequest("order.paid", "https://erp.example.com/client-crud")
        {
            Description = "ERP",
            Headers = [new ListenerHeader("X-Environment", "test")],
            Filters = [new MatchFilter("currency", FilterOperator.Is, "EUR")],
        });
        Assert.StartsWith("whsec_", created.Secret);
        Assert.Equal(FilterOperator.Is, Assert.Single(created.Filters).Operator);

        var read = await Client.GetListenerAsync(created.Id);
        Assert.Null(read.Secret);
        Assert.Equal("X-Environment", Assert.Single(read.Headers).Name);

        var listed = await Client.ListListenersAsync(new ListenerQuery { Hook = "order.paid", UrlContains = "client-crud", PageSize = 5 });
        Assert.Equal(created.Id, Assert.Single(listed.Items).Id);
        Assert.Equal(1, listed.TotalCount);
        Assert.False(listed.HasMore);

        var updated = await Client.UpdateListenerAsync(created.Id,
            new ListenerRequest("order.paid", "https://erp.example.com/client-crud/v2") { Version = read.Version });
        Assert.Equal("https://erp.example.com/client-crud/v2", updated.Url);
        Assert.Empty(updated.Filters);

        var disabled = await Client.DisableListenerAsync(created.Id);
        Assert.False(disabled.Enabled);
        var enabled = await Client.EnableListenerAsync(created.Id, HeldDeliveries.Discard);
        Assert.True(enabled.Enabled);

        var rotated = await Client.RotateListenerSecretAsync(created.Id);
        Assert.NotEqual(created.Secret, rotated.Secret);
        Assert.NotNull((await Client.GetListenerAsync(created.Id)).PreviousSecretExpiresAt);

        await Client.DeleteListenerAsync(created.Id);
        var gone = await Assert.ThrowsAsync<WebhookPortalApiException>(() => Client.GetListenerAsync(created.Id));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("Listener not found", gone.Title);
    }

    [Fact]
    public async Task ListListenersAsync_PagesAndSorts()
    {
        for (var i = 0; i < 3; i++)
        {
            await Client.CreateListenerAsync(new ListenerRequest("order.paid", $"https://paging.example.com/client-page/{i}"));
        }

        var first = await Client.ListListenersAsync(new ListenerQuery { UrlContains = "client-page", SortBy = "Url", Ascending = true, PageSize = 2 });
        var second = await Client.ListListenersAsync(new ListenerQuery { UrlContains = "client-page", SortBy = "Url", Ascending = true, PageSize = 2, Page = 2 });

        Assert.Equal(3, first.TotalCount);
        Assert.True(first.HasMore);
        Assert.Equal(["https://paging.example.com/client-page/0", "https://paging.example.com/client-page/1"], first.Items.Select(l => l.Url));
        Assert.Equal("https://paging.example.com/client-page/2", Assert.Single(second.Items).Url);
    }

    [Fact]
    public async Task UpdateListenerAsync_ThrowsConflict_WhenTheListenerChangedSinceItWasRead()
    {
        var listener = await Client.CreateListenerAsync(new ListenerRequest("order.paid", "https://erp.example.com/client-stale"));
        await Client.UpdateListenerAsync(listener.Id, new ListenerRequest("order.paid", "https://erp.example.com/client-stale/1") { Version = listener.Version });

        var error = await Assert.ThrowsAsync<WebhookPortalApiException>(() => Client.UpdateListenerAsync(listener.Id,
            new ListenerRequest("order.paid", "https://erp.example.com/client-stale/2") { Version = listener.Version }));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Contains("changed", error.Title, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CreateListenerAsync_ThrowsTheFieldErrors_ForAnInvalidListener()
    {
        var error = await Assert.ThrowsAsync<WebhookPortalApiException>(() =>
            Client.CreateListenerAsync(new ListenerRequest("order.paid", "ftp://nowhere") { Filters = [new MatchFilter("no.such.field", FilterOperator.Is, "x")] }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("url", error.Errors.Keys);
        Assert.Contains("filters[0].field", error.Errors.Keys);
        Assert.Contains("url:", error.Message);
    }

    [Fact]
    public async Task DeliveryCalls_ListWithAFilter_GetWithAttempts_AndReplayOne()
    {
        var listener = await portal.OwnListenerAsync("/client/replay-one", "ord_replay_one");
        var published = await Client.PublishAsync("order.paid", new { id = "ord_replay_one" });
        var delivered = await portal.FinishedDeliveryAsync(listener.Id, published.EventId);

        var page = await Client.ListDeliveriesAsync(new DeliveryFilter { ListenerId = listener.Id, Status = DeliveryStatus.Succeeded, Hook = "order.paid" });
        Assert.Equal(delivered.Delivery.Id, Assert.Single(page.Items).Id);
        var attempt = Assert.Single(delivered.Attempts);
        Assert.Equal(200, attempt.ResponseStatus);
        Assert.Equal(AttemptErrorKind.None, attempt.ErrorKind);
        Assert.Contains("ord_replay_one", delivered.Payload);
        Assert.True(delivered.Replayable);

        var replayed = await Client.ReplayDeliveryAsync(delivered.Delivery.Id);

        Assert.Equal(delivered.Delivery.Id, replayed.Delivery.Id);
        await portal.Receiver.WaitForAsync("/client/replay-one", 2, TimeSpan.FromSeconds(20));
        var headers = portal.Receiver.RequestsTo("/client/replay-one").Select(r => r.Header("webhook-id")).Distinct();
        Assert.Equal(delivered.Delivery.Id, Assert.Single(headers));
        var after = await portal.AttemptsAsync(delivered.Delivery.Id, 2);
        Assert.Equal([AttemptTrigger.Scheduled, AttemptTrigger.Replay], after.Attempts.Select(a => a.Trigger));
    }

    [Fact]
    public async Task ReplayDeliveryAsync_ThrowsNotFound_ForAnUnknownDelivery()
    {
        var error = await Assert.ThrowsAsync<WebhookPortalApiException>(() => Client.ReplayDeliveryAsync("dlv_nothing"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task BulkReplay_CountsFirst_ThenReplaysEveryMatch()
    {
        var listener = await portal.OwnListenerAsync("/client/replay-many", "ord_replay_many");
        for (var i = 0; i < 3; i++)
        {
            var published = await Client.PublishAsync("order.paid", new { id = "ord_replay_many", amount = i });
            await portal.FinishedDeliveryAsync(listener.Id, published.EventId);
        }

        var filter = new DeliveryFilter { ListenerId = listener.Id, Status = DeliveryStatus.Succeeded };
        Assert.Equal(3, await Client.CountReplayableAsync(filter));
        Assert.Equal(3, portal.Receiver.RequestsTo("/client/replay-many").Count);

        var job = await Client.ReplayDeliveriesAsync(filter);
        Assert.StartsWith("rpl_", job.JobId);
        Assert.Equal(3, job.Total);

        await portal.Receiver.WaitForAsync("/client/replay-many", 6, TimeSpan.FromSeconds(30));
        var progress = await Client.GetBulkReplayAsync(job.JobId!);
        Assert.Equal(3, progress.Queued);
        Assert.True(progress.Completed);
    }

    [Fact]
    public async Task ReplayDeliveriesAsync_ThrowsConflict_WhenNothingMatches()
    {
        var error = await Assert.ThrowsAsync<WebhookPortalApiException>(() =>
            Client.ReplayDeliveriesAsync(new DeliveryFilter { ListenerId = "lst_none" }));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal("Nothing to replay", error.Title);
    }

    [Fact]
    public async Task Calls_ThrowUnauthorized_WithAKeyThePortalDoesNotKnow()
    {
        using var stranger = new WebhookPortalClient(portal.App.CreateClient(), "not-a-key-of-this-portal");

        var error = await Assert.ThrowsAsync<WebhookPortalApiException>(() => stranger.ListListenersAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("Authorization: Bearer", error.Detail);
    }
}
