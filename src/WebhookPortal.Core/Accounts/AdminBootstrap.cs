using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Accounts;

/// <summary>
/// Makes the first admin from <c>Portal:BootstrapAdmin</c> while the database has none. There is no
/// password in the code: an empty one in Development is generated and saved beside the database (readable
/// by the portal's user only), and anywhere else the portal starts without an admin and says how to add one.
/// </summary>
public sealed class AdminBootstrap(
    AccountService accounts,
    IOptions<PortalOptions> options,
    IHostEnvironment environment,
    PortalDatabaseLocation database,
    ILogger<AdminBootstrap> logger)
{
    public const string FileName = "bootstrap-admin.txt";

    /// <summary>Where a generated first password is saved: beside the database.</summary>
    public string PasswordFilePath => Path.Combine(Path.GetDirectoryName(database.FilePath)!, FileName);

    /// <summary>
    /// The file holding a generated first password, for the sign-in page to point a newcomer at, while it is of use:
    /// in Development, while the file exists and nobody has signed in yet. Null otherwise. Never the password itself.
    /// </summary>
    public async Task<string?> PasswordFileForFirstSignInAsync(CancellationToken cancellationToken) =>
        environment.IsDevelopment() && File.Exists(PasswordFilePath) && !await accounts.AnyoneSignedInAsync(cancellationToken)
            ? PasswordFilePath
            : null;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var (email, password) = (options.Value.BootstrapAdmin.Email, options.Value.BootstrapAdmin.Password);
        var file = PasswordFilePath;
        var generated = false;
        if (string.IsNullOrEmpty(password))
        {
            if (!environment.IsDevelopment())
            {
                if (await accounts.EnsureAdminAsync(email, null, cancellationToken))
                {
                    logger.LogWarning("No admin could sign in: set Portal:BootstrapAdmin:Password in appsettings.json and restart");
                }

                return;
            }

            password = "wp-" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));
            generated = true;
        }

        if (!await accounts.EnsureAdminAsync(email, password, cancellationToken))
        {
            return;
        }

        if (generated)
        {
            var write = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                write.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var writer = new StreamWriter(file, new UTF8Encoding(false), write))
            {
                await writer.WriteLineAsync($"email: {email}");
                await writer.WriteLineAsync($"password: {password}");
            }

            logger.LogWarning(
                "Created the first admin {Email} with a generated password, saved in {PasswordFile}. Sign in and change it, " +
                "or set Portal:BootstrapAdmin:Password in appsettings.json before the first start", email, file);
        }
        else
        {
            logger.LogInformation("Created the first admin {Email} from Portal:BootstrapAdmin", email);
        }
    }
}
