namespace WebhookPortal.Core.Observability;

/// <summary>The Prometheus types the portal's instruments map to.</summary>
public enum MetricKind
{
    Counter,
    Gauge,
    Histogram,
}
