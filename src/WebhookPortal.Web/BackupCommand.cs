using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Backups;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Web;

/// <summary>
/// <c>WebhookPortal.Web backup [FILE] [--Key=value …]</c>: backs the database up while the portal runs (from cron
/// or a systemd timer) and exits: 0 with one line naming the file, 1 with one line saying what went wrong.
/// Without FILE, the backup goes to <c>Backup:Folder</c> and the oldest past <c>Backup:Keep</c> are removed.
/// </summary>
public static class BackupCommand
{
    public const string Verb = "backup";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        var files = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (files.Count > 1)
        {
            await errors.WriteLineAsync($"WebhookPortal backup: name at most one file, not {files.Count} ({string.Join(", ", files)}); settings go as --Key=value.");
            return 1;
        }

        // Quiet unless something goes wrong: cron mails whatever a job prints.
        string[] settings = ["--Logging:LogLevel:Default=Warning", .. args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal))];
        try
        {
            await using var app = PortalHost.CreateApp(settings);
            var location = app.Services.GetRequiredService<PortalDatabaseLocation>();
            if (!File.Exists(location.FilePath))
            {
                await errors.WriteLineAsync($"WebhookPortal backup: there is no database at '{location.FilePath}'. Check ConnectionStrings:Portal, or run from the portal's folder.");
                return 1;
            }

            var result = await app.Services.GetRequiredService<DatabaseBackup>().CreateAsync(Actor.System, files.SingleOrDefault(), CancellationToken.None);
            if (!result.Succeeded)
            {
                await errors.WriteLineAsync($"WebhookPortal backup: {result.Error.Title}. {result.Error.Detail}");
                return 1;
            }

            await output.WriteLineAsync($"Backed up {location.FilePath} to {result.Value.FilePath} ({result.Value.SizeBytes} bytes in {result.Value.Duration.TotalSeconds:0.0} s)" +
                (result.Value.Removed.Count > 0 ? $"; removed {result.Value.Removed.Count} older backups." : "."));
            return 0;
        }
        catch (DatabaseStartupException e)
        {
            await errors.WriteLineAsync($"WebhookPortal backup: {e.Message}");
            return 1;
        }
    }
}
