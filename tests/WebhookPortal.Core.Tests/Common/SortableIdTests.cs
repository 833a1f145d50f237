using WebhookPortal.Core.Common;

namespace WebhookPortal.Core.Tests.Common;

public sealed class SortableIdTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void New_HasThePrefixAndTwentySixBase32Characters()
    {
        var id = SortableId.New("lst", Noon);

        Assert.Matches("^lst_[0-9a-hjkmnp-tv-z]{26}$", id);
        Assert.True(SortableId.HasShape(id, "lst"));
    }

    [Fact]
    public void New_SortsByCreationTime_WhenComparedAsText()
    {
        var ids = Enumerable.Range(0, 50).Select(i => SortableId.New("evt", Noon.AddMilliseconds(i * 37))).ToList();

        Assert.Equal(ids, ids.OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void New_KeepsIncreasing_WithinTheSameMillisecondAndWhenTheClockStepsBack()
    {
        var ids = new[]
        {
            SortableId.New("evt", Noon.AddDays(1)),
            SortableId.New("evt", Noon.AddDays(1)),
            SortableId.New("evt", Noon.AddDays(1).AddSeconds(-5)),
            SortableId.New("evt", Noon.AddDays(1)),
        };

        Assert.Equal(ids, ids.OrderBy(id => id, StringComparer.Ordinal));
        Assert.Equal(4, ids.Distinct().Count());
    }

    [Fact]
    public void New_IsUnique_WithinTheSameMillisecond()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => SortableId.New("lst", Noon)).ToHashSet();

        Assert.Equal(10_000, ids.Count);
    }

    [Theory]
    [InlineData("lst_01m7yv917yz3rp79xaq9m22xh", "lst")]
    [InlineData("evt_01m7yv917yz3rp79xaq9m22xhv", "lst")]
    [InlineData("lst_01m7yv917yz3rp79xaq9m22xhu", "lst")]
    [InlineData("lst_01M7YV917YZ3RP79XAQ9M22XHV", "lst")]
    [InlineData(null, "lst")]
    public void HasShape_IsFalse_ForAnythingElse(string? id, string prefix) =>
        Assert.False(SortableId.HasShape(id, prefix));
}
