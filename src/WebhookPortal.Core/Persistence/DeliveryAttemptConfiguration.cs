using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebhookPortal.Core.Deliveries;

namespace WebhookPortal.Core.Persistence;

internal sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> attempt)
    {
        attempt.ToTable("delivery_attempts");
        attempt.HasKey(a => a.Id);
        attempt.Property(a => a.DeliveryId).HasMaxLength(40);
        attempt.HasOne(a => a.Delivery).WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        attempt.Property(a => a.Trigger).HasConversion<string>().HasMaxLength(20);
        attempt.Property(a => a.TriggeredBy).HasMaxLength(200);
        attempt.Property(a => a.RequestUrl).HasMaxLength(2048);
        attempt.Property(a => a.ErrorKind).HasConversion<string>().HasMaxLength(30);
        attempt.Property(a => a.ErrorMessage).HasMaxLength(2000);

        // A delivery's attempts in order; retention deletes the oldest first.
        attempt.HasIndex(a => new { a.DeliveryId, a.Number });
        attempt.HasIndex(a => a.StartedAt);
    }
}
