using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Hooks;
using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Core.Tests.Listeners;

public sealed class ListenerListingTests : IAsyncLifetime
{
    private CoreFixture fixture = default!;

    public async Task InitializeAsync()
    {
        fixture = await CoreFixture.StartAsync();
        await using (var db = await fixture.ContextAsync())
        {
            db.Hooks.Add(new Hook { Name = "other.thing", Source = HookSource.Api, ProvidedFields = ["id"] });
            await db.SaveChangesAsync();
        }

        for (var i = 0; i < 12; i++)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            var hook = i % 4 == 0 ? "other.thing" : CoreFixture.HookName;
            var url = i == 5 ? "https://example.com/100%_off" : $"https://host{i:00}.example.com/in";
            await fixture.Listeners.CreateAsync(Actor.System, CoreFixture.Input(url: url, hook: hook, enabled: i % 3 != 0), default);
        }
    }

    [Fact]
    public async Task List_ShowsTheNewestFirst_OnePageAtATime()
    {
        var page = await fixture.Listeners.ListAsync(Actor.System, new ListenerQuery { Skip = 0, Take = 5 }, default);

        Assert.Equal(12, page.TotalCount);
        Assert.Equal(["https://host11.example.com/in", "https://host10.example.com/in", "https://host09.example.com/in",
            "https://host08.example.com/in", "https://host07.example.com/in"], page.Items.Select(l => l.Url));
    }

    [Fact]
    public async Task List_CombinesHookStateAndUrlFilters()
    {
        var page = await fixture.Listeners.ListAsync(Actor.System, 
            new ListenerQuery { Hook = CoreFixture.HookName, Enabled = true, UrlContains = "HOST1" }, default);

        Assert.Equal(["https://host11.example.com/in", "https://host10.example.com/in"], page.Items.Select(l => l.Url));
        Assert.All(page.Items, l => Assert.Equal(CoreFixture.HookName, l.Hook));
    }

    [Theory]
    [InlineData("%", 1)]
    [InlineData("_off", 1)]
    [InlineData("host_1", 0)]
    public async Task List_TreatsWildcardsInTheUrlSearchAsText(string search, int expected)
    {
        var page = await fixture.Listeners.ListAsync(Actor.System, new ListenerQuery { UrlContains = search }, default);

        Assert.Equal(expected, page.TotalCount);
    }

    [Fact]
    public async Task List_SortsByUrlAndByHook()
    {
        var byUrl = await fixture.Listeners.ListAsync(Actor.System, 
            new ListenerQuery { SortBy = ListenerSortField.Url, Direction = SortDirection.Ascending, Take = 2 }, default);
        var byHook = await fixture.Listeners.ListAsync(Actor.System, 
            new ListenerQuery { SortBy = ListenerSortField.Hook, Direction = SortDirection.Ascending, Take = 100 }, default);

        Assert.Equal(["https://example.com/100%_off", "https://host00.example.com/in"], byUrl.Items.Select(l => l.Url));
        Assert.Equal(byHook.Items.Select(l => l.Hook).Order(StringComparer.Ordinal), byHook.Items.Select(l => l.Hook));
    }

    [Fact]
    public async Task List_IsEmpty_WhenTheHookIsUnknown()
    {
        var page = await fixture.Listeners.ListAsync(Actor.System, new ListenerQuery { Hook = "no.such.hook" }, default);

        Assert.Equal(0, page.TotalCount);
        Assert.Empty(page.Items);
    }

    public async Task DisposeAsync() => await fixture.DisposeAsync();
}
