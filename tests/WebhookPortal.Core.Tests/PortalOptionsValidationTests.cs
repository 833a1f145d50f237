using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests;

/// <summary>A bad setting stops start-up with a message that names the key, before anything is touched.</summary>
public sealed class PortalOptionsValidationTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Theory]
    [InlineData("-1")]
    [InlineData("600001")]
    public async Task Start_FailsNamingTheKey_WhenTheBusyTimeoutIsOutOfRange(string value)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            CoreHost.StartAndStopAsync(folder, ("Database:BusyTimeoutMilliseconds", value)));

        Assert.Contains("Database:BusyTimeoutMilliseconds must be between 0 and 600000", failure.Message);
        Assert.False(File.Exists(folder.File("portal.db")));
    }

    [Fact]
    public async Task Start_FailsNamingTheKey_WhenTheSynchronousModeIsUnknown()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            CoreHost.StartAndStopAsync(folder, ("Database:Synchronous", "Off")));

        Assert.Contains("Database:Synchronous", failure.Message);
        Assert.False(File.Exists(folder.File("portal.db")));
    }

    [Fact]
    public async Task Start_FailsNamingTheKey_WhenTheBaseUrlIsNotAnHttpAddress()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            CoreHost.StartAndStopAsync(folder, ("Portal:BaseUrl", "localhost:5000")));

        Assert.Contains("Portal:BaseUrl is 'localhost:5000', which is not an absolute http or https address", failure.Message);
        Assert.False(File.Exists(folder.File("portal.db")));
    }

    [Fact]
    public async Task Start_Succeeds_WithTheDefaults()
    {
        await CoreHost.StartAndStopAsync(folder);
        Assert.True(File.Exists(folder.File("portal.db")));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
