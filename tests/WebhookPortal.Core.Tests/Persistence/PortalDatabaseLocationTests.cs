using WebhookPortal.Core.Persistence;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Persistence;

public sealed class PortalDatabaseLocationTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public void Resolve_PutsTheDefaultFileInADataFolderUnderTheContentRoot_WhenNothingIsConfigured()
    {
        var location = PortalDatabaseLocation.Resolve(null, folder.Path);

        Assert.Equal(Path.Combine(folder.Path, "data", "portal.db"), location.FilePath);
        Assert.True(Directory.Exists(Path.Combine(folder.Path, "data")));
        Assert.Contains(location.FilePath, location.ConnectionString);
    }

    [Fact]
    public void Resolve_KeepsAnAbsolutePathAndOtherKeywords_WhenConfigured()
    {
        var path = folder.File("elsewhere/portal.db");

        var location = PortalDatabaseLocation.Resolve($"Data Source={path};Cache=Shared", "/nonexistent-content-root");

        Assert.Equal(path, location.FilePath);
        Assert.Contains("Cache=Shared", location.ConnectionString);
    }

    [Theory]
    [InlineData("Data Source=:memory:", "in-memory")]
    [InlineData("Data Source=x.db;Mode=Memory", "in-memory")]
    [InlineData("Server=db;Database=portal", "not a valid SQLite connection string")]
    [InlineData("Data Source=x.db;Mode=Sideways", "not a valid SQLite connection string")]
    public void Resolve_RefusesWithAMessageNamingTheSetting_WhenItIsNotAFileDatabase(string connectionString, string expected)
    {
        var failure = Assert.Throws<DatabaseStartupException>(() => PortalDatabaseLocation.Resolve(connectionString, folder.Path));

        Assert.Contains("ConnectionStrings:Portal", failure.Message);
        Assert.Contains(expected, failure.Message);
    }

    public void Dispose() => folder.Dispose();
}
