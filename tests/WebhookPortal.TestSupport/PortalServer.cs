using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Web;

namespace WebhookPortal.TestSupport;

/// <summary>
/// The real application on Kestrel at a free 127.0.0.1 port, for a real browser to talk to.
/// </summary>
public sealed class PortalServer : IAsyncDisposable
{
    private readonly TempFolder folder;
    private readonly WebApplication app;

    private PortalServer(TempFolder folder, WebApplication app, Uri address)
    {
        this.folder = folder;
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<PortalServer> StartAsync(params string[] extraArgs)
    {
        var folder = new TempFolder();
        string[] args =
        [
            "--environment=Development",
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:Portal=Data Source={folder.File("portal.db")}",
            $"--Api:AdminKey={PortalAppFactory.AdminKey}",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        var app = PortalHost.CreateApp(args);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new PortalServer(folder, app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
