using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Events;

namespace WebhookPortal.Core.Tests.Events;

/// <summary>The portal's "Send test event": admins only, held to Events:MaxPayloadBytes in UTF-8 bytes, marked as a test.</summary>
public sealed class TestEventSenderTests : IAsyncLifetime
{
    private const int Limit = 1024;
    private CoreFixture fixture = default!;
    private string listenerId = "";

    private TestEventSender Sender => fixture.Get<TestEventSender>();

    public async Task InitializeAsync()
    {
        fixture = await CoreFixture.StartAsync(("Events:MaxPayloadBytes", Limit.ToString()), ("Delivery:Enabled", "false"));
        listenerId = (await fixture.Listeners.CreateAsync(Actor.System, CoreFixture.Input(), default)).Value!.Listener.Id;
    }

    [Theory]
    [InlineData(AccountRole.Support)]
    [InlineData(AccountRole.Customer)]
    public async Task SendAsync_RefusesAndStoresNothing_WhenTheSenderIsNotAnAdmin(AccountRole role)
    {
        var result = await Sender.SendAsync(new Actor(5, "someone@example.com", role), CoreFixture.HookName, """{"id":1}""", null, default);

        Assert.False(result.Succeeded);
        Assert.Equal(ServiceErrorKind.Forbidden, result.Error.Kind);
        Assert.Contains("Only admins send test events", result.Error.Detail);
        Assert.Equal((0, 0), await StoredAsync());
    }

    [Fact]
    public async Task SendAsync_PublishesATestToTheOneListener_WhenAnAdminSends()
    {
        var admin = new Actor(1, "admin@example.com", AccountRole.Admin);

        var result = await Sender.SendAsync(admin, CoreFixture.HookName, """{"id":7,"secret":"x"}""", listenerId, default);

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.Value.Deliveries);
        await using var db = await fixture.ContextAsync();
        var stored = await db.Events.AsNoTracking().SingleAsync();
        Assert.Equal((EventOrigin.Test, TestEventSender.OriginDetail, """{"id":7}"""), (stored.Origin, stored.OriginDetail, stored.Payload));
    }

    [Fact]
    public async Task SendAsync_RefusesAPayloadOverTheConfiguredLimit_CountingUtf8Bytes()
    {
        // 606 characters, but 1,201 bytes in UTF-8: over a limit of 1,024 bytes that a count of characters would pass.
        var payload = $$"""{"name":"{{new string('é', 595)}}"}""";
        Assert.True(payload.Length < Limit);

        var result = await Sender.SendAsync(Actor.System, CoreFixture.HookName, payload, null, default);

        Assert.False(result.Succeeded);
        Assert.Equal(ServiceErrorKind.Invalid, result.Error.Kind);
        Assert.Equal("The payload is 1,201 bytes; it may be at most 1,024 bytes (Events:MaxPayloadBytes). Remove what the test does not need.",
            Assert.Single(result.Error.Fields!["payload"]));
        Assert.Equal((0, 0), await StoredAsync());
    }

    [Fact]
    public async Task SendAsync_SendsAPayloadOfExactlyTheLimit()
    {
        var padding = new string('a', Limit - """{"name":""}""".Length);
        var payload = $$"""{"name":"{{padding}}"}""";
        Assert.Equal(Limit, System.Text.Encoding.UTF8.GetByteCount(payload));

        var result = await Sender.SendAsync(Actor.System, CoreFixture.HookName, payload, null, default);

        Assert.True(result.Succeeded, result.Error?.Fields?["payload"][0]);
    }

    [Theory]
    [InlineData("", "Give a JSON payload")]
    [InlineData("[1, 2]", "The payload must be a JSON object")]
    [InlineData("{\"id\": ", "The payload is not valid JSON")]
    public void CheckPayload_SaysWhatToFix_WhenThePayloadIsNotAJsonObject(string payload, string expected)
    {
        Assert.StartsWith(expected, Sender.CheckPayload(payload));
    }

    private async Task<(int Events, int Deliveries)> StoredAsync()
    {
        await using var db = await fixture.ContextAsync();
        return (await db.Events.CountAsync(), await db.Deliveries.CountAsync());
    }

    public async Task DisposeAsync() => await fixture.DisposeAsync();
}
