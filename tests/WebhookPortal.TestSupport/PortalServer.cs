using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Core.Egress;
using WebhookPortal.Web;

namespace WebhookPortal.TestSupport;

/// <summary>
/// The real application on Kestrel at a free 127.0.0.1 port, for a real browser to talk to.
/// </summary>
public sealed class PortalServer : IAsyncDisposable
{
    private readonly TempFolder folder;
    private readonly WebApplication app;

    private PortalServer(TempFolder folder, WebApplication app, Uri address, StubHostResolver resolver)
    {
        this.folder = folder;
        this.app = app;
        Address = address;
        Resolver = resolver;
    }

    public Uri Address { get; }

    /// <summary>What host names resolve to in this app: no test asks a real name server.</summary>
    public StubHostResolver Resolver { get; }

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
            $"--Portal:BootstrapAdmin:Email={PortalAppFactory.AdminEmail}",
            $"--Portal:BootstrapAdmin:Password={PortalAppFactory.AdminPassword}",
            "--Logging:LogLevel:Default=Warning",
            "--Delivery:Enabled=false", // tests of the engine pass --Delivery:Enabled=true
            .. extraArgs,
        ];
        var resolver = new StubHostResolver();
        var app = PortalHost.CreateApp(args, services => services.AddSingleton<IHostResolver>(resolver));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new PortalServer(folder, app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)), resolver);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
