using System.Text.Json.Nodes;

namespace WebhookPortal.TestSupport;

/// <summary>
/// The built portal as a separate installation with its own shipped <c>appsettings.json</c> (the file the build copies
/// beside the binaries), for tests of what that file alone decides. The executable and the main assembly are copied,
/// because the runtime takes the application's folder from them; every other file is a link to the built one.
/// </summary>
public sealed class PortalInstall : IDisposable
{
    private const string SettingsFile = "appsettings.json";
    private static readonly string MainAssembly = Path.GetFileName(PortalProcess.ExecutablePath) + ".dll";
    private readonly TempFolder folder = new();

    private PortalInstall()
    {
    }

    public string ExecutablePath => folder.File(Path.GetFileName(PortalProcess.ExecutablePath));

    /// <summary>An installation whose shipped settings are the built ones with <paramref name="key"/> (<c>Section:Name</c>) set.</summary>
    public static PortalInstall WithShippedSetting(string key, JsonNode value)
    {
        var install = new PortalInstall();
        var built = AppContext.BaseDirectory;
        foreach (var entry in Directory.EnumerateFileSystemEntries(built))
        {
            var name = Path.GetFileName(entry);
            var target = install.folder.File(name);
            if (name == SettingsFile)
            {
                continue;
            }

            if (name == Path.GetFileName(PortalProcess.ExecutablePath) || name == MainAssembly)
            {
                File.Copy(entry, target);
            }
            else
            {
                File.CreateSymbolicLink(target, entry);
            }
        }

        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(built, SettingsFile)))!.AsObject();
        var path = key.Split(':');
        var section = settings;
        foreach (var part in path[..^1])
        {
            section = section[part]?.AsObject() ?? throw new ArgumentException($"The shipped settings have no section '{part}'.", nameof(key));
        }

        section[path[^1]] = value;
        File.WriteAllText(install.folder.File(SettingsFile), settings.ToJsonString());
        return install;
    }

    public void Dispose() => folder.Dispose();
}
