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

        // The claim reads due rows in time order, and expired leases: partial indexes hold only the rows
        // still to be sent, so they stay small however long the history grows. The log reads by listener
        // and by event; ids grow with time, so "newest first" needs no index on created_at.
        delivery.HasIndex(d => d.NextAttemptAt).HasDatabaseName("ix_deliveries_due").HasFilter("status = 'Pending' AND held = 0");
        delivery.HasIndex(d => d.LeaseExpiresAt).HasDatabaseName("ix_deliveries_leased").HasFilter("status = 'Sending'");
        delivery.HasIndex(d => new { d.ListenerId, d.Id });
        delivery.HasIndex(d => d.EventId);
    }
}
