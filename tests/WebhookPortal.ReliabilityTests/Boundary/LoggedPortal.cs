using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebhookPortal.TestSupport;

namespace WebhookPortal.ReliabilityTests.Boundary;

/// <summary>The real app in memory with every log entry of every category, down to Trace, kept in <see cref="Log"/>.</summary>
public sealed class LoggedPortal : PortalAppFactory
{
    public LoggedPortal()
    {
        With("Logging:LogLevel:Default", "Trace");
        With("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
        With("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Trace");
    }

    public CapturedLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Log));
    }
}
