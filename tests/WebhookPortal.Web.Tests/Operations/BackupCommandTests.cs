using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Operations;

/// <summary><c>WebhookPortal.Web backup [FILE]</c>: the command an operator puts in cron, run as a real process.</summary>
public sealed class BackupCommandTests
{
    [Fact]
    public async Task BackupCommand_CopiesTheDatabaseOfARunningPortal_AndExitsZero_OrSaysWhatIsWrongAndExitsOne()
    {
        using var app = new PortalAppFactory();
        app.CreateClient(); // the portal runs: its database exists and is open
        var target = Path.Combine(app.FolderPath, "nightly.db");
        var database = $"--ConnectionStrings:Portal=Data Source={app.DatabasePath}";

        using (var backup = PortalProcess.Start(app.FolderPath, "backup", target, database))
        {
            Assert.Equal(0, await backup.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains($"Backed up {app.DatabasePath} to {target}", backup.Output);
        }

        Assert.True(new FileInfo(target).Length > 0);

        using (var again = PortalProcess.Start(app.FolderPath, "backup", target, database))
        {
            Assert.Equal(1, await again.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("exists already", again.Output);
            Assert.DoesNotContain("   at ", again.Output);
        }

        using (var nowhere = PortalProcess.Start(app.FolderPath, "backup", $"--ConnectionStrings:Portal=Data Source={Path.Combine(app.FolderPath, "none.db")}"))
        {
            Assert.Equal(1, await nowhere.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("there is no database at", nowhere.Output);
        }
    }
}
