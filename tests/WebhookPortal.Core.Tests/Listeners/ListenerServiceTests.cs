using WebhookPortal.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Filters;
using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Core.Tests.Listeners;

public sealed class ListenerServiceTests : IAsyncLifetime
{
    private CoreFixture fixture = default!;

    private ListenerService Listeners => fixture.Listeners;

    public async Task InitializeAsync() => fixture = await CoreFixture.StartAsync();

    [Fact]
    public async Task Create_StoresTheListenerWithANewSecretAndSortableId()
    {
        var filters = new List<MatchFilter> { new("name", FilterOperator.StartsWith, "J") };
        var headers = new List<ListenerHeader> { new("X-Environment", "production") };

        var result = await Listeners.CreateAsync(Actor.System, CoreFixture.Input(filters: filters, headers: headers), default);

        Assert.True(result.Succeeded);
        var created = result.Value!;
        Assert.True(SortableId.HasShape(created.Listener.Id, "lst"));
        Assert.StartsWith("whsec_", created.Secret);
        Assert.Equal(32, Convert.FromBase64String(created.Secret["whsec_".Length..]).Length);
        var stored = await Listeners.FindAsync(Actor.System, created.Listener.Id, default);
        Assert.Equal("https://example.com/hook", stored!.Url);
        Assert.Equal(CoreFixture.HookName, stored.Hook.Name);
        Assert.Equal(filters, stored.Filters);
        Assert.Equal(headers, stored.Headers);
        Assert.Equal(created.Secret, stored.Secret);
        Assert.Equal(1, stored.Version);
        Assert.Equal(fixture.Clock.GetUtcNow(), stored.CreatedAt);
    }

    [Fact]
    public async Task Create_GivesEachListenerItsOwnSecret()
    {
        var first = await Listeners.CreateAsync(Actor.System, CoreFixture.Input(), default);
        var second = await Listeners.CreateAsync(Actor.System, CoreFixture.Input(), default);

        Assert.NotEqual(first.Value!.Secret, second.Value!.Secret);
    }

    [Fact]
    public async Task Create_AnswersNotFound_WhenTheHookIsUnknown()
    {
        var result = await Listeners.CreateAsync(Actor.System, CoreFixture.Input(hook: "no.such.hook"), default);

        Assert.Equal(ServiceErrorKind.NotFound, result.Error?.Kind);
        Assert.Contains("No hook is named 'no.such.hook'", result.Error!.Detail);
    }

    [Fact]
    public async Task Create_NamesEveryInvalidField_AndStoresNothing()
    {
        var input = CoreFixture.Input(
            url: "ftp://example.com/hook",
            headers: [new("Host", "evil.example")],
            filters:
            [
                new("customer.phone", FilterOperator.Is, "1"),
                new("name", FilterOperator.Like, "(unclosed"),
                new("amount", FilterOperator.GreaterThan, "lots"),
            ]);

        var result = await Listeners.CreateAsync(Actor.System, input, default);

        Assert.Equal(ServiceErrorKind.Invalid, result.Error?.Kind);
        var fields = result.Error!.Fields!;
        Assert.Contains("'ftp' URLs cannot receive webhooks", Assert.Single(fields["url"]));
        Assert.Contains("set by WebhookPortal itself", Assert.Single(fields["headers[0].name"]));
        Assert.Contains("customer.phone is not a provided field of member.joined", Assert.Single(fields["filters[0].field"]));
        Assert.Contains("not a valid regular expression", Assert.Single(fields["filters[1].value"]));
        Assert.True(fields.ContainsKey("filters[2].value"));
        await using var db = await fixture.ContextAsync();
        Assert.Equal(0, await db.Listeners.CountAsync());
    }

    [Fact]
    public async Task Create_AcceptsAFieldUnderAProvidedObject_AndRefusesOneBeside()
    {
        await using (var db = await fixture.ContextAsync())
        {
            var hook = await db.Hooks.SingleAsync(h => h.Name == CoreFixture.HookName);
            hook.ProvidedFields = ["customer"];
            await db.SaveChangesAsync();
        }

        var under = await Listeners.CreateAsync(Actor.System, CoreFixture.Input(filters: [new("customer.email", FilterOperator.Exists)]), default);
        var beside = await Listeners.CreateAsync(Actor.System, CoreFixture.Input(filters: [new("customers", FilterOperator.Exists)]), default);

        Assert.True(under.Succeeded);
        Assert.Equal(ServiceErrorKind.Invalid, beside.Error?.Kind);
    }

    [Fact]
    public async Task Create_StoresADisabledListenerWithItsReason_WhenAskedForOneThatIsOff()
    {
        var result = await Listeners.CreateAsync(Actor.System, CoreFixture.Input(enabled: false), default);

        Assert.False(result.Value!.Listener.Enabled);
        Assert.Equal("Disabled by an admin.", result.Value.Listener.DisabledReason);
    }

    [Fact]
    public async Task Update_ReplacesTheSettingsAndRaisesTheVersion()
    {
        var created = (await Listeners.CreateAsync(Actor.System, CoreFixture.Input(), default)).Value!;
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await Listeners.UpdateAsync(Actor.System, created.Listener.Id, CoreFixture.Input(
            url: "https://crm.example.com/in", filters: [new("amount", FilterOperator.GreaterThan, "100")], version: 1), default);

        Assert.True(result.Succeeded);
        var stored = await Listeners.FindAsync(Actor.System, created.Listener.Id, default);
        Assert.Equal("https://crm.example.com/in", stored!.Url);
        Assert.Equal("amount", Assert.Single(stored.Filters).Field);
        Assert.Equal(2, stored.Version);
        Assert.Equal(created.Secret, stored.Secret);
        Assert.Equal(fixture.Clock.GetUtcNow(), stored.UpdatedAt);
    }

    [Fact]
    public async Task Update_RefusesAStaleVersion_AndKeepsTheNewerChange()
    {
        var id = (await Listeners.CreateAsync(Actor.System, CoreFixture.Input(), default)).Value!.Listener.Id;
        await Listeners.UpdateAsync(Actor.System, id, CoreFixture.Input(url: "https://first.example/", version: 1), default);

        var stale = await Listeners.UpdateAsync(Actor.System, id, CoreFixture.Input(url: "https://second.example/", version: 1), default);

        Assert.Equal(ServiceErrorKind.Conflict, stale.Error?.Kind);
        Assert.Contains("version 2", stale.Error!.Detail);
        Assert.Equal("https://first.example/", (await Listeners.FindAsync(Actor.System, id, default))!.Url);
    }

    [Fact]
    public async Task Update_LeavesTheListenerUntouched_WhenTheInputIsInvalid()
    {
        var id = (await Listeners.CreateAsync(Actor.System, CoreFixture.Input(), default)).Value!.Listener.Id;

        var result = await Listeners.UpdateAsync(Actor.System, id, CoreFixture.Input(url: "not a url"), default);

        Assert.Equal(ServiceErrorKind.Invalid, result.Error?.Kind);
        var stored = await Listeners.FindAsync(Actor.System, id, default);
        Assert.Equal("https://example.com/hook", stored!.Url);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task SetEnabled_DisablesWithAReason_AndReenablingClearsTheFailureRecord()
    {
        var id = (await Listeners.CreateAsync(Actor.System, CoreFixture.Input(), default)).Value!.Listener.Id;
        await using (var db = await fixture.ContextAsync())
        {
            var listener = await db.Listeners.SingleAsync();
            listener.ConsecutiveFailures = 12;
            listener.FailingSince = fixture.Clock.GetUtcNow();
            await db.SaveChangesAsync();
        }

        var disabled = await Listeners.SetEnabledAsync(Actor.System, id, false, default);
        Assert.False(disabled.Value!.Enabled);
        Assert.Equal("Disabled by an admin.", disabled.Value.DisabledReason);
        Assert.Equal(fixture.Clock.GetUtcNow(), disabled.Value.DisabledAt);

        var enabled = await Listeners.SetEnabledAsync(Actor.System, id, true, default);
        Assert.True(enabled.Value!.Enabled);
        Assert.Null(enabled.Value.DisabledReason);
        Assert.Equal(0, enabled.Value.ConsecutiveFailures);
        Assert.Null(enabled.Value.FailingSince);
    }

    [Fact]
    public async Task RotateSecret_KeepsThePreviousSecretForTheOverlap()
    {
        var created = (await Listeners.CreateAsync(Actor.System, CoreFixture.Input(), default)).Value!;

        var rotated = await Listeners.RotateSecretAsync(Actor.System, created.Listener.Id, default);

        Assert.True(rotated.Succeeded);
        Assert.NotEqual(created.Secret, rotated.Value!.Secret);
        Assert.Equal(fixture.Clock.GetUtcNow().AddHours(24), rotated.Value.PreviousSecretExpiresAt);
        var stored = await Listeners.FindAsync(Actor.System, created.Listener.Id, default);
        Assert.Equal(rotated.Value.Secret, stored!.Secret);
        Assert.Equal(created.Secret, stored.PreviousSecret);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task RotateSecret_DropsThePreviousSecretAtOnce_WhenTheOverlapIsZero()
    {
        await fixture.DisposeAsync();
        fixture = await CoreFixture.StartAsync(("Listeners:SecretRotationOverlapHours", "0"));
        var id = (await Listeners.CreateAsync(Actor.System, CoreFixture.Input(), default)).Value!.Listener.Id;

        await Listeners.RotateSecretAsync(Actor.System, id, default);

        var stored = await Listeners.FindAsync(Actor.System, id, default);
        Assert.Null(stored!.PreviousSecret);
        Assert.Null(stored.PreviousSecretExpiresAt);
    }

    [Fact]
    public async Task Delete_RemovesTheListener_AndAnswersNotFoundAfterwards()
    {
        var id = (await Listeners.CreateAsync(Actor.System, CoreFixture.Input(), default)).Value!.Listener.Id;

        Assert.True((await Listeners.DeleteAsync(Actor.System, id, default)).Succeeded);

        Assert.Null(await Listeners.FindAsync(Actor.System, id, default));
        Assert.Equal(ServiceErrorKind.NotFound, (await Listeners.DeleteAsync(Actor.System, id, default)).Error?.Kind);
        Assert.Equal(ServiceErrorKind.NotFound, (await Listeners.UpdateAsync(Actor.System, id, CoreFixture.Input(), default)).Error?.Kind);
    }

    public async Task DisposeAsync() => await fixture.DisposeAsync();
}
