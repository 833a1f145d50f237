using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebhookPortal.Core.Deliveries;

namespace WebhookPortal.Core.Persistence;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> delivery)
    {
        delivery.HasKey(d => d.Id);
        delivery.Property(d => d.Id).HasMaxLength(40);
        delivery.Property(d => d.EventId).HasMaxLength(40);
        delivery.Property(d => d.ListenerId).HasMaxLength(40);
        delivery.HasOne(d => d.Event).WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
        delivery.HasOne(d => d.Listener).WithMany().HasForeignKey(d => d.ListenerId).OnDelete(DeleteBehavior.Restrict);
        delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        delivery.Property(d => d.NextTrigger).HasConversion<string>().HasMaxLength(20).HasDefaultValue(AttemptTrigger.Scheduled);
        delivery.Property(d => d.NextTriggeredBy).HasMaxLength(200);

        // The claim reads due rows in time order, and expired leases: partial indexes hold only the rows
        // still to be sent, so they stay small however long the history grows. The log reads by listener
        // and by event; ids grow with time, so "newest first" needs no index on created_at.
        // The due index also carries the listener, so the claim can pass over listeners already busy
        // without reading their rows; the per-listener one finds a listener's first due delivery when a
        // busy listener's backlog fills the front of the queue.
        delivery.HasIndex(d => new { d.NextAttemptAt, d.ListenerId, d.Id }).HasDatabaseName("ix_deliveries_due").HasFilter("status = 'Pending' AND held = 0");
        delivery.HasIndex(d => new { d.ListenerId, d.NextAttemptAt }).HasDatabaseName("ix_deliveries_listener_due").HasFilter("status = 'Pending' AND held = 0");
        delivery.HasIndex(d => d.LeaseExpiresAt).HasDatabaseName("ix_deliveries_leased").HasFilter("status = 'Sending'");
        delivery.HasIndex(d => new { d.ListenerId, d.Id });
        delivery.HasIndex(d => d.EventId);

        // The delivery log narrows by state or by the last HTTP status, newest first. A delivery has no HTTP
        // status until its first answer, and the filter always names one: those without are left out of
        // that index, so storing a delivery does not write to it.
        delivery.HasIndex(d => new { d.Status, d.Id });
        delivery.HasIndex(d => new { d.LastResponseStatus, d.Id }).HasFilter("last_response_status IS NOT NULL");
    }
}
