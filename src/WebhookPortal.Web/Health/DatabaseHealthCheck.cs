using Microsoft.Extensions.Diagnostics.HealthChecks;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Web.Health;

/// <summary>Healthy when the database file opens and holds the portal's schema.</summary>
public sealed class DatabaseHealthCheck(DatabaseProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await probe.CheckAsync(cancellationToken);
        return status.Reachable
            ? HealthCheckResult.Healthy($"Schema {status.SchemaVersion}")
            : HealthCheckResult.Unhealthy($"The database cannot be read: {status.Problem}");
    }
}
