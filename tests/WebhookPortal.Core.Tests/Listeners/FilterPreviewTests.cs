using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Filters;
using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Core.Tests.Listeners;

public sealed class FilterPreviewTests : IAsyncLifetime
{
    private CoreFixture fixture = default!;

    private FilterPreview Preview => fixture.Host.Services.GetRequiredService<FilterPreview>();

    public async Task InitializeAsync() => fixture = await CoreFixture.StartAsync();

    [Fact]
    public async Task Run_SaysTheFiltersMatch_WhenEveryOnePasses()
    {
        var result = await Preview.RunAsync(CoreFixture.HookName,
            [new("name", FilterOperator.StartsWith, "J"), new("amount", FilterOperator.GreaterThan, "100")],
            """{"name":"Jane","amount":120}""", default);

        Assert.True(result.Value!.Matched);
        Assert.All(result.Value.Outcomes, o => Assert.True(o.Passed));
    }

    [Fact]
    public async Task Run_NamesTheFilterThatFailedAndWhy()
    {
        var result = await Preview.RunAsync(CoreFixture.HookName,
            [new("amount", FilterOperator.GreaterThan, "100"), new("name", FilterOperator.StartsWith, "J")],
            """{"name":"Bob","amount":120}""", default);

        Assert.False(result.Value!.Matched);
        Assert.Equal("name does not start with 'J'", result.Value.FirstFailure!.Explanation);
    }

    [Fact]
    public async Task Run_DropsFieldsTheHookDoesNotProvide_BeforeMatching()
    {
        // A filter may only name provided fields, so an unprovided one shows up as "missing" when nested under one.
        await using (var db = await fixture.ContextAsync())
        {
            var hook = db.Hooks.Single(h => h.Name == CoreFixture.HookName);
            hook.ProvidedFields = ["customer.email"];
            await db.SaveChangesAsync();
        }

        var result = await Preview.RunAsync(CoreFixture.HookName,
            [new("customer.email", FilterOperator.EndsWith, "@example.com")],
            """{"customer":{"email":"a@example.com","secret":"s3cr3t"}}""", default);

        Assert.True(result.Value!.Matched);
        var refused = await Preview.RunAsync(CoreFixture.HookName,
            [new("customer.secret", FilterOperator.Exists)], """{"customer":{"secret":"s3cr3t"}}""", default);
        Assert.Contains("not a provided field", refused.Error!.Fields!["filters[0].field"][0]);
    }

    [Fact]
    public async Task Run_TriesTheHooksSample_WhenNoPayloadIsGiven()
    {
        // The sample is Jane with amount 120: the same filters answer differently on it, so the verdict says which payload ran.
        var matching = await Preview.RunAsync(CoreFixture.HookName, [new("name", FilterOperator.Is, "Jane")], null, default);
        var failing = await Preview.RunAsync(CoreFixture.HookName, [new("amount", FilterOperator.LessThan, "100")], null, default);

        Assert.True(matching.Value!.Matched);
        Assert.False(failing.Value!.Matched);
        Assert.Equal("amount is not less than 100", failing.Value.FirstFailure!.Explanation);
    }

    [Theory]
    [InlineData("", "Paste a JSON payload")]
    [InlineData("   ", "Paste a JSON payload")]
    [InlineData("{\"name\":", "not valid JSON")]
    [InlineData("[1,2,3]", "must be a JSON object")]
    [InlineData("\"text\"", "must be a JSON object")]
    public async Task Run_SaysWhatIsWrongWithThePayload(string payload, string expected)
    {
        var result = await Preview.RunAsync(CoreFixture.HookName, [], payload, default);

        Assert.Equal(ServiceErrorKind.Invalid, result.Error?.Kind);
        Assert.Contains(expected, result.Error!.Fields!["payload"][0]);
    }

    [Fact]
    public async Task Run_AnswersNotFound_ForAnUnknownHook()
    {
        var result = await Preview.RunAsync("no.such.hook", [], "{}", default);

        Assert.Equal(ServiceErrorKind.NotFound, result.Error?.Kind);
    }

    public async Task DisposeAsync() => await fixture.DisposeAsync();
}
