using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Hooks;
using WebhookPortal.Core.Inbound;

namespace WebhookPortal.Core.Tests.Inbound;

public sealed class InboundSourceServiceTests : IAsyncLifetime
{
    private CoreFixture fixture = default!;

    private InboundSourceService Sources => fixture.Get<InboundSourceService>();

    private InboundReceiver Receiver => fixture.Get<InboundReceiver>();

    public async Task InitializeAsync() => fixture = await CoreFixture.StartAsync();

    [Fact]
    public async Task Create_MakesAStandardWebhooksSecretAndReturnsItOnce()
    {
        var result = await Sources.CreateAsync(InboundInputs.Source(), default);

        Assert.True(result.Succeeded);
        Assert.StartsWith("whsec_", result.Value!.GeneratedSecret);
        Assert.Equal(32, Convert.FromBase64String(result.Value.GeneratedSecret![6..]).Length);
        var stored = await Sources.FindAsync("acme-pay", default);
        Assert.Equal(result.Value.GeneratedSecret, stored!.Secret);
        Assert.Equal(CoreFixture.HookName, stored.Hook.Name);
        Assert.Equal(fixture.Clock.GetUtcNow(), stored.CreatedAt);
    }

    [Fact]
    public async Task Create_KeepsASecretTheSenderGave_AndReturnsNone()
    {
        var result = await Sources.CreateAsync(InboundInputs.Source(scheme: InboundScheme.GitHub, secret: "  a-github-secret-of-length  "), default);

        Assert.Null(result.Value!.GeneratedSecret);
        Assert.Equal("a-github-secret-of-length", (await Sources.FindAsync("acme-pay", default))!.Secret);
    }

    [Fact]
    public async Task Create_NamesEveryInvalidField_AndStoresNothing()
    {
        var result = await Sources.CreateAsync(new InboundSourceInput("Acme Pay!", new string('x', 501), "Carrier", null, null, " "), default);

        Assert.Equal(ServiceErrorKind.Invalid, result.Error?.Kind);
        var fields = result.Error!.Fields!;
        Assert.Contains("lowercase letters, digits and dashes", Assert.Single(fields["name"]));
        Assert.Contains("limit is 500", Assert.Single(fields["description"]));
        Assert.Contains("choose one of: StandardWebhooks, GitHub, Stripe, SharedSecret", Assert.Single(fields["scheme"]));
        Assert.Contains("Choose the hook", Assert.Single(fields["hook"]));
        await using var db = await fixture.ContextAsync();
        Assert.Equal(0, await db.InboundSources.CountAsync());
    }

    [Theory]
    [InlineData(InboundScheme.GitHub, null, null, "secret")]
    [InlineData(InboundScheme.Stripe, "sk_live_not_a_webhook_secret", null, "secret")]
    [InlineData(InboundScheme.SharedSecret, "a-long-enough-shared-token", null, "headerName")]
    [InlineData(InboundScheme.SharedSecret, "a-long-enough-shared-token", "Content-Type", "headerName")]
    [InlineData(InboundScheme.GitHub, "a-github-secret-of-length", "X-Token", "headerName")]
    [InlineData(InboundScheme.StandardWebhooks, "whsec_short", null, "secret")]
    public async Task Create_NamesTheField_WhenTheSchemesSecretOrHeaderIsWrong(InboundScheme scheme, string? secret, string? header, string field)
    {
        var result = await Sources.CreateAsync(InboundInputs.Source(scheme: scheme, secret: secret, headerName: header), default);

        Assert.Equal(ServiceErrorKind.Invalid, result.Error?.Kind);
        Assert.Equal([field], result.Error!.Fields!.Keys);
    }

    [Fact]
    public async Task Create_NamesTheHookField_WhenTheHookDoesNotExist()
    {
        var result = await Sources.CreateAsync(InboundInputs.Source(hook: "no.such.hook"), default);

        Assert.Contains("No hook is named 'no.such.hook'", Assert.Single(result.Error!.Fields!["hook"]));
    }

    [Fact]
    public async Task Create_AnswersConflict_WhenTheNameIsTaken()
    {
        await Sources.CreateAsync(InboundInputs.Source(), default);

        var again = await Sources.CreateAsync(InboundInputs.Source(), default);

        Assert.Equal(ServiceErrorKind.Conflict, again.Error?.Kind);
        Assert.True(again.Error!.Fields!.ContainsKey("name"));
    }

    [Fact]
    public async Task Update_KeepsNameAndSecret_WhenNoSecretIsGiven()
    {
        var created = await Sources.CreateAsync(InboundInputs.Source(), default);

        var updated = await Sources.UpdateAsync("acme-pay", InboundInputs.Source(name: "") with { Description = "Changed" }, default);

        Assert.True(updated.Succeeded);
        Assert.Null(updated.Value!.GeneratedSecret);
        var stored = await Sources.FindAsync("acme-pay", default);
        Assert.Equal(("Changed", created.Value!.GeneratedSecret), (stored!.Description, stored.Secret));
    }

    [Fact]
    public async Task Update_RefusesANewName()
    {
        await Sources.CreateAsync(InboundInputs.Source(), default);

        var result = await Sources.UpdateAsync("acme-pay", InboundInputs.Source(name: "acme-payments"), default);

        Assert.Contains("cannot change", Assert.Single(result.Error!.Fields!["name"]));
    }

    [Fact]
    public async Task Update_WantsASecret_WhenTheSchemeChangesToOneTheSenderOwns()
    {
        await Sources.CreateAsync(InboundInputs.Source(), default);

        var without = await Sources.UpdateAsync("acme-pay", InboundInputs.Source(scheme: InboundScheme.Stripe), default);
        var with = await Sources.UpdateAsync("acme-pay", InboundInputs.Source(scheme: InboundScheme.Stripe, secret: "whsec_from_the_stripe_dashboard"), default);

        Assert.True(without.Error!.Fields!.ContainsKey("secret"));
        Assert.True(with.Succeeded);
        Assert.Equal("whsec_from_the_stripe_dashboard", (await Sources.FindAsync("acme-pay", default))!.Secret);
    }

    [Fact]
    public async Task RotateSecret_KeepsThePreviousSecretForTheOverlap()
    {
        var created = await Sources.CreateAsync(InboundInputs.Source(), default);

        var rotated = await Sources.RotateSecretAsync("acme-pay", default);

        var now = fixture.Clock.GetUtcNow();
        Assert.Equal(now.AddHours(24), rotated.Value!.PreviousSecretExpiresAt);
        var stored = await Sources.FindAsync("acme-pay", default);
        Assert.Equal(rotated.Value.Secret, stored!.Secret);
        Assert.Equal([rotated.Value.Secret, created.Value!.GeneratedSecret!], stored.SecretsAt(now));
        Assert.Equal([rotated.Value.Secret], stored.SecretsAt(now.AddHours(24)));
    }

    [Fact]
    public async Task RotateSecret_AnswersConflict_WhenTheSenderOwnsTheSecret()
    {
        await Sources.CreateAsync(InboundInputs.Source(scheme: InboundScheme.GitHub, secret: "a-github-secret-of-length"), default);

        var result = await Sources.RotateSecretAsync("acme-pay", default);

        Assert.Equal(ServiceErrorKind.Conflict, result.Error?.Kind);
    }

    [Fact]
    public async Task Delete_RemovesTheSourceWithItsRejections()
    {
        await Sources.CreateAsync(InboundInputs.Source(), default);
        await Receiver.ReceiveAsync("acme-pay", InboundInputs.Request("{}"), default);

        var deleted = await Sources.DeleteAsync("acme-pay", default);

        Assert.True(deleted.Succeeded);
        await using var db = await fixture.ContextAsync();
        Assert.Equal((0, 0), (await db.InboundSources.CountAsync(), await db.InboundRejections.CountAsync()));
    }

    [Fact]
    public async Task HookDelete_AnswersConflictNamingTheSources_WhenSourcesPublishToTheHook()
    {
        await Sources.CreateAsync(InboundInputs.Source(name: "acme-pay"), default);
        await Sources.CreateAsync(InboundInputs.Source(name: "beta-pay"), default);

        var result = await fixture.Host.Services.GetRequiredService<HookService>().DeleteAsync(Actor.System, CoreFixture.HookName, default);

        Assert.Equal(ServiceErrorKind.Conflict, result.Error?.Kind);
        Assert.Contains("'acme-pay', 'beta-pay'", result.Error!.Detail);
    }

    [Fact]
    public async Task List_CountsTheRejectionsOfTheLastDay()
    {
        await Sources.CreateAsync(InboundInputs.Source(), default);
        await Receiver.ReceiveAsync("acme-pay", InboundInputs.Request("{}"), default);
        fixture.Clock.Advance(TimeSpan.FromHours(25));
        await Receiver.ReceiveAsync("acme-pay", InboundInputs.Request("{}"), default);

        var list = await Sources.ListAsync(0, 50, default);

        var row = Assert.Single(list.Items);
        Assert.Equal((InboundScheme.StandardWebhooks, CoreFixture.HookName, 1), (row.Scheme, row.Hook, row.RejectionsLastDay));
        Assert.Equal(2, (await Sources.ListRejectionsAsync("acme-pay", 0, 50, default)).Value!.TotalCount);
    }

    public async Task DisposeAsync() => await fixture.DisposeAsync();
}
