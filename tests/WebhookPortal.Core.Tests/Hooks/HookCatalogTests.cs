using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Hooks;
using WebhookPortal.Core.Persistence;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Hooks;

public sealed class HookCatalogTests : IAsyncLifetime
{
    private readonly TempFolder folder = new();
    private IHost host = default!;
    private HookCatalog catalog = default!;

    public async Task InitializeAsync()
    {
        host = CoreHost.Build(folder, ("Portal:SeedDemoData", "false"));
        await host.StartAsync();
        catalog = host.Services.GetRequiredService<HookCatalog>();
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var start = DateTimeOffset.Parse("2026-01-01T00:00:00Z");
        for (var i = 0; i < 30; i++)
        {
            db.Hooks.Add(new Hook
            {
                Name = $"thing{i:00}.changed",
                Description = i == 7 ? "Carries 100% of the stock level" : $"Thing number {i}",
                Source = i % 3 == 0 ? HookSource.EntityChange : HookSource.Api,
                ProvidedFields = ["id"],
                CreatedAt = start.AddMinutes(i),
            });
        }

        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task List_ReturnsOnePageAndTheTotal_InNameOrder()
    {
        var page = await catalog.ListAsync(new HookQuery { Skip = 10, Take = 5 }, default);

        Assert.Equal(30, page.TotalCount);
        Assert.Equal(["thing10.changed", "thing11.changed", "thing12.changed", "thing13.changed", "thing14.changed"],
            page.Items.Select(h => h.Name));
    }

    [Fact]
    public async Task List_SortsNewestFirst_WhenAskedForCreatedAtDescending()
    {
        var page = await catalog.ListAsync(
            new HookQuery { SortBy = HookSortField.CreatedAt, Direction = SortDirection.Descending, Take = 2 }, default);

        Assert.Equal(["thing29.changed", "thing28.changed"], page.Items.Select(h => h.Name));
    }

    [Fact]
    public async Task List_FindsTextInTheDescriptionIgnoringCase()
    {
        var page = await catalog.ListAsync(new HookQuery { Search = "STOCK LEVEL" }, default);

        Assert.Equal("thing07.changed", Assert.Single(page.Items).Name);
    }

    [Theory]
    [InlineData("%", 1)]
    [InlineData("_", 0)]
    [InlineData("thing0_", 0)]
    public async Task List_TreatsLikeWildcardsAsPlainText(string search, int expected)
    {
        var page = await catalog.ListAsync(new HookQuery { Search = search }, default);

        Assert.Equal(expected, page.TotalCount);
    }

    [Fact]
    public async Task List_KeepsOnlyTheSourceAskedFor()
    {
        var page = await catalog.ListAsync(new HookQuery { Source = HookSource.EntityChange, Take = 100 }, default);

        Assert.Equal(10, page.TotalCount);
        Assert.All(page.Items, h => Assert.Equal(HookSource.EntityChange, h.Source));
    }

    [Fact]
    public async Task List_ClampsThePageSize_WhenAskedForMoreThanTheMaximum()
    {
        var page = await catalog.ListAsync(new HookQuery { Take = 100_000, Skip = -5 }, default);

        Assert.Equal(30, page.Items.Count);
    }

    [Fact]
    public async Task Find_ReturnsTheHook_WhateverTheCaseOfTheName()
    {
        Assert.Equal("thing03.changed", (await catalog.FindAsync("Thing03.Changed", default))?.Name);
        Assert.Null(await catalog.FindAsync("thing99.changed", default));
    }

    [Fact]
    public async Task CountBySource_CountsEachSource()
    {
        var counts = await catalog.CountBySourceAsync(default);

        Assert.Equal(10, counts[HookSource.EntityChange]);
        Assert.Equal(20, counts[HookSource.Api]);
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
