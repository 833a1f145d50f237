using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Observability;

/// <summary>
/// The queue figures the metrics report, read at most once per <c>Metrics:QueueRefreshSeconds</c> however
/// often they are scraped. A read that fails keeps the last figures and is logged.
/// </summary>
public sealed class QueueGauge(
    IDbContextFactory<PortalDbContext> contextFactory, IOptions<MetricsOptions> options, TimeProvider clock, ILogger<QueueGauge> logger)
{
    private readonly Lock gate = new();
    private QueueFigures figures = QueueFigures.Empty;
    private DateTimeOffset readAt = DateTimeOffset.MinValue;

    public QueueFigures Current
    {
        get
        {
            lock (gate)
            {
                var now = clock.GetUtcNow();
                if (now - readAt < TimeSpan.FromSeconds(options.Value.QueueRefreshSeconds))
                {
                    return figures;
                }

                try
                {
                    using var db = contextFactory.CreateDbContext();
                    db.Database.OpenConnection();
                    figures = QueueReader.Read(db.Database.GetDbConnection(), now, onlyOwner: null);
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "The queue figures for the metrics could not be read; the last ones are reported");
                }

                readAt = now;
                return figures;
            }
        }
    }
}
