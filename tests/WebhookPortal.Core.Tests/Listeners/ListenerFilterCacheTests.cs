using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Filters;
using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Core.Tests.Listeners;

public sealed class ListenerFilterCacheTests
{
    private readonly ListenerFilterCache cache = new(Options.Create(new ListenerOptions()), NullLogger<ListenerFilterCache>.Instance);
    private readonly List<MatchFilter> startsWithJ = [new("name", FilterOperator.StartsWith, "J")];
    private readonly List<MatchFilter> startsWithB = [new("name", FilterOperator.StartsWith, "B")];

    [Fact]
    public void Get_CompilesOnce_WhileTheVersionStaysTheSame()
    {
        var first = cache.Get("lst_a", 1, startsWithJ);
        var again = cache.Get("lst_a", 1, startsWithJ);

        Assert.Same(first, again);
    }

    [Fact]
    public void Get_Recompiles_WhenTheListenerChanged()
    {
        var before = cache.Get("lst_a", 1, startsWithJ);
        var after = cache.Get("lst_a", 2, startsWithB);

        Assert.NotSame(before, after);
        using var bob = JsonDocument.Parse("""{"name":"Bob"}""");
        Assert.True(after!.Matches(bob.RootElement));
        Assert.False(before!.Matches(bob.RootElement));
    }

    [Fact]
    public void Forget_DropsTheEntry()
    {
        cache.Get("lst_a", 1, startsWithJ);
        cache.Get("lst_b", 1, startsWithJ);

        cache.Forget("lst_a");

        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Get_MatchesEverything_WhenThereAreNoFilters()
    {
        using var anything = JsonDocument.Parse("""{"x":1}""");

        Assert.True(cache.Get("lst_a", 1, [])!.Matches(anything.RootElement));
    }

    [Fact]
    public void Get_GivesNoFiltersAndKeepsGoing_WhenStoredFiltersNoLongerCompile()
    {
        var broken = cache.Get("lst_a", 1, [new("name", FilterOperator.Like, "(unclosed")]);
        var healthy = cache.Get("lst_b", 1, startsWithJ);

        Assert.Null(broken);
        Assert.NotNull(healthy);
    }

    [Fact]
    public void Requirements_WordEachFilterAsThePreviewDoes()
    {
        var compiled = cache.Get("lst_a", 1,
        [
            new("name", FilterOperator.StartsWith, "J"),
            new("currency", FilterOperator.Is, "eur", Not: true, CaseSensitive: false),
            new("email", FilterOperator.Exists),
        ]);

        Assert.Equal(["name starts with 'J'", "currency is not 'eur' (ignoring case)", "email exists"], compiled!.Requirements);
    }
}
