using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Web.Api;

/// <summary>
/// The admin API key in force: <c>Api:AdminKey</c>, or in Development a generated key kept in a file
/// beside the database, so it survives restarts. Resolved at start-up so the log says where it is.
/// </summary>
public sealed class AdminApiKey(
    IOptions<ApiOptions> options,
    IHostEnvironment environment,
    PortalDatabaseLocation database,
    ILogger<AdminApiKey> logger) : IHostedService
{
    public const string FileName = "admin-api-key.txt";
    private readonly Lock gate = new();
    private byte[]? keyHash;
    private bool resolved;

    /// <summary>Where a generated key is stored, when there is one.</summary>
    public string? GeneratedKeyFile { get; private set; }

    public bool IsConfigured => Resolve() is not null;

    /// <summary>Compares in constant time; false when no key is in force.</summary>
    public bool Matches(string presented)
    {
        var expected = Resolve();
        return expected is not null &&
               CryptographicOperations.FixedTimeEquals(expected, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Resolve();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private byte[]? Resolve()
    {
        if (resolved)
        {
            return keyHash;
        }

        lock (gate)
        {
            if (!resolved)
            {
                var key = options.Value.AdminKey?.Trim();
                if (string.IsNullOrEmpty(key))
                {
                    key = environment.IsDevelopment() ? LoadOrGenerateDevelopmentKey() : null;
                    if (key is null)
                    {
                        logger.LogWarning(
                            "Api:AdminKey is empty, so no admin key is accepted by the REST API. Set it in appsettings.json ({MinimumLength}+ characters)",
                            ApiOptions.MinimumKeyLength);
                    }
                }

                keyHash = key is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(key));
                resolved = true;
            }
        }

        return keyHash;
    }

    private string LoadOrGenerateDevelopmentKey()
    {
        var file = Path.Combine(Path.GetDirectoryName(database.FilePath)!, FileName);
        GeneratedKeyFile = file;
        if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: >= ApiOptions.MinimumKeyLength } stored)
        {
            logger.LogInformation("Using the Development admin API key stored in {KeyFile}", file);
            return stored;
        }

        var key = "wpk_" + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var write = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            write.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), write))
        {
            writer.WriteLine(key);
        }

        logger.LogWarning(
            "Api:AdminKey is empty, so a Development admin API key was generated and saved to {KeyFile}. " +
            "Send it as 'Authorization: Bearer <key>'; set Api:AdminKey in appsettings.json to choose your own",
            file);
        return key;
    }
}
