using System.Net;
using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using WebhookPortal.Core.Accounts;
using WebhookPortal.TestSupport;
using WebhookPortal.Web.Api;

namespace WebhookPortal.Web.Tests;

/// <summary>What happens at start-up: clear failures for bad settings, and the admin key.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("--ConnectionStrings:Portal=Server=db.example;Database=portal",
        "ConnectionStrings:Portal is not a valid SQLite connection string")]
    [InlineData("--ConnectionStrings:Portal=Data Source=:memory:", "ConnectionStrings:Portal must name a database file")]
    [InlineData("--Api:AdminKey=short", "Api:AdminKey must be at least 32 characters")]
    [InlineData("--Database:BusyTimeoutMilliseconds=-5", "Database:BusyTimeoutMilliseconds must be between 0 and 600000")]
    [InlineData("--Database:Synchronous=Off", "'Database:Synchronous'")]
    public async Task Process_ExitsWithOneAndSaysWhichSettingIsWrong_WhenASettingIsBad(string setting, string expected)
    {
        using var folder = new TempFolder();
        using var portal = PortalProcess.Start(folder.Path, "--urls=http://127.0.0.1:0", setting);

        var exitCode = await portal.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains("WebhookPortal cannot start: ", portal.Output);
        Assert.Contains(expected, portal.Output);
        Assert.DoesNotContain("   at ", portal.Output); // a message for a person, not a stack trace
    }

    [Fact]
    public async Task Process_ExitsWithOneNamingThePathAndCause_WhenTheDatabaseFolderCannotBeCreated()
    {
        using var folder = new TempFolder();
        var notAFolder = folder.File("file");
        await File.WriteAllTextAsync(notAFolder, "a file, not a folder");
        using var portal = PortalProcess.Start(folder.Path, "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:Portal=Data Source={notAFolder}/db/portal.db");

        Assert.Equal(1, await portal.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains($"Cannot open the portal database at '{notAFolder}/db/portal.db'", portal.Output);
        Assert.Contains("cannot be created", portal.Output);
    }

    [Fact]
    public async Task Process_ExitsWithOneNamingThePathAndCause_WhenTheFileIsNotADatabase()
    {
        using var folder = new TempFolder();
        var path = folder.File("portal.db");
        await File.WriteAllTextAsync(path, new string('x', 8192));
        using var portal = PortalProcess.Start(folder.Path, "--urls=http://127.0.0.1:0", $"--ConnectionStrings:Portal=Data Source={path}");

        Assert.Equal(1, await portal.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains($"Cannot open or migrate the portal database at '{path}': ", portal.Output);
        Assert.Contains("file is not a database", portal.Output);
    }

    [Fact]
    public async Task Process_SeedsNoDemoData_WhenTheShippedSettingsFileSaysSo()
    {
        // Only the shipped file says false: the working folder (the content root) has no settings file and the
        // command line does not name the setting, as under `dotnet run` with the root appsettings.json edited.
        using var install = PortalInstall.WithShippedSetting("Portal:SeedDemoData", false);
        using var folder = new TempFolder();
        var database = folder.File("portal.db");
        using (var portal = PortalProcess.StartExecutable(install.ExecutablePath, folder.Path,
                   "--urls=http://127.0.0.1:0", $"--ConnectionStrings:Portal=Data Source={database}"))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!portal.Output.Contains("Application started", StringComparison.Ordinal))
            {
                Assert.False(portal.HasExited, $"The portal stopped during start-up:\n{portal.Output}");
                Assert.True(DateTime.UtcNow < deadline, $"The portal did not start within 60 s:\n{portal.Output}");
                await Task.Delay(100);
            }

            portal.Terminate();
            Assert.Equal(0, await portal.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.DoesNotContain("demo", portal.Output, StringComparison.OrdinalIgnoreCase);
        }

        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        foreach (var table in new[] { "hooks", "listeners", "events", "deliveries", "people" })
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM {table}";
            Assert.True(0L == (long)(await count.ExecuteScalarAsync())!, $"The {table} table is not empty.");
        }
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Start_GeneratesAnAdminKeyFileThatTheApiAccepts_WhenDevelopmentHasNoKey()
    {
        string key;
        string keyFile;
        using (var app = new PortalAppFactory().With("Api:AdminKey", ""))
        {
            var client = app.CreateClient();
            keyFile = Path.Combine(app.FolderPath, AdminApiKey.FileName);
            Assert.True(File.Exists(keyFile));
            key = (await File.ReadAllTextAsync(keyFile)).Trim();
            Assert.True(key.Length >= ApiOptions.MinimumKeyLength);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));

            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/hooks")).StatusCode);
        }
    }

    [Fact]
    public async Task SignInPage_NamesTheGeneratedPasswordFile_UntilSomeoneHasSignedIn()
    {
        using var app = new PortalAppFactory().With("Portal:BootstrapAdmin:Password", "");
        var file = Path.Combine(app.FolderPath, AdminBootstrap.FileName);

        var before = await app.CreateClient().GetStringAsync("/sign-in");
        var password = (await File.ReadAllLinesAsync(file)).Single(l => l.StartsWith("password: ", StringComparison.Ordinal))["password: ".Length..];
        await app.CreateSignedInClientAsync(PortalAppFactory.AdminEmail, password);
        var after = await app.CreateClient().GetStringAsync("/sign-in");

        Assert.Contains("First sign-in", before);
        Assert.Contains($"<code class=\"wp-wrap\">{file}</code>", before);
        Assert.Contains(PortalAppFactory.AdminEmail, before);
        Assert.DoesNotContain(password, before);
        Assert.DoesNotContain("First sign-in", after);
        Assert.DoesNotContain(file, after);
    }

    [Theory]
    [InlineData("Development", PortalAppFactory.AdminPassword, false)] // a password was set: none generated
    [InlineData("Production", "", true)] // a file left from Development is not pointed at elsewhere
    public async Task SignInPage_SaysNothingOfAPasswordFile_WhenNoneWasGeneratedHere(string environment, string password, bool leftOver)
    {
        using var app = new PortalAppFactory { Environment = environment }.With("Portal:BootstrapAdmin:Password", password);
        if (leftOver)
        {
            await File.WriteAllTextAsync(Path.Combine(app.FolderPath, AdminBootstrap.FileName), "email: admin@example.com\npassword: left-over-password\n");
        }

        var page = await app.CreateClient().GetStringAsync("/sign-in");

        Assert.Contains("Sign in", page);
        Assert.DoesNotContain("First sign-in", page);
        Assert.DoesNotContain(AdminBootstrap.FileName, page);
    }

    [Fact]
    public async Task Start_ReusesTheGeneratedKey_WhenStartedAgainOnTheSameData()
    {
        using var data = new TempFolder();
        var settings = ("ConnectionStrings:Portal", $"Data Source={data.File("portal.db")}");
        string first;
        using (var app = new PortalAppFactory().With(settings.Item1, settings.Item2).With("Api:AdminKey", ""))
        {
            app.CreateClient();
            first = await File.ReadAllTextAsync(data.File(AdminApiKey.FileName));
        }

        using (var again = new PortalAppFactory().With(settings.Item1, settings.Item2).With("Api:AdminKey", ""))
        {
            var client = again.CreateClient();
            Assert.Equal(first, await File.ReadAllTextAsync(data.File(AdminApiKey.FileName)));
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", first.Trim());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/hooks")).StatusCode);
        }
    }

    [Fact]
    public async Task Start_GeneratesNoKeyAndTheApiAcceptsNone_OutsideDevelopment()
    {
        using var app = new PortalAppFactory { Environment = "Production" }.With("Api:AdminKey", "");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/hooks")).StatusCode);
        Assert.False(File.Exists(Path.Combine(app.FolderPath, AdminApiKey.FileName)));
    }
}
