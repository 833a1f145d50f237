using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.ReliabilityTests.Boundary;

/// <summary>How many events, deliveries and attempts the app's database holds: read before and after a refused request.</summary>
public sealed record StoredRows(int Events, int Deliveries, int Attempts)
{
    public static async Task<StoredRows> CountAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return new StoredRows(await db.Events.CountAsync(), await db.Deliveries.CountAsync(), await db.DeliveryAttempts.CountAsync());
    }
}
