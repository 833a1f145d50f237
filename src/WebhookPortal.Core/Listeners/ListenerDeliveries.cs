using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Listeners;

/// <summary>
/// What a listener's state change does to its pending deliveries, in the transaction of the change:
/// disabling holds them (kept, not sent), enabling releases them, deleting cancels them.
/// </summary>
internal static class ListenerDeliveries
{
    public static Task<int> HoldAsync(PortalDbContext db, string listenerId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE deliveries SET held = 1 WHERE listener_id = {listenerId} AND status = 'Pending' AND held = 0",
            cancellationToken);

    public static Task<int> ReleaseAsync(PortalDbContext db, string listenerId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE deliveries SET held = 0 WHERE listener_id = {listenerId} AND status = 'Pending' AND held = 1",
            cancellationToken);

    public static Task<int> CancelAsync(PortalDbContext db, string listenerId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE deliveries SET status = 'Cancelled', held = 0, completed_at = {now.ToUnixTimeMilliseconds()} WHERE listener_id = {listenerId} AND status = 'Pending'",
            cancellationToken);

    /// <summary>How many deliveries wait for the listener to be enabled again.</summary>
    public static Task<int> CountHeldAsync(PortalDbContext db, string listenerId, CancellationToken cancellationToken) =>
        db.Deliveries.CountAsync(d => d.ListenerId == listenerId && d.Held && d.Status == Deliveries.DeliveryStatus.Pending, cancellationToken);
}
