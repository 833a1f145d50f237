using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebhookPortal.Core.Deliveries;

namespace WebhookPortal.Core.Persistence;

internal sealed class ReplayJobConfiguration : IEntityTypeConfiguration<ReplayJob>
{
    public void Configure(EntityTypeBuilder<ReplayJob> job)
    {
        job.ToTable("replay_jobs");
        job.HasKey(j => j.Id);
        job.Property(j => j.Id).HasMaxLength(40);
        job.Property(j => j.UpToDeliveryId).HasMaxLength(40);
        job.Property(j => j.Cursor).HasMaxLength(40);
        job.Property(j => j.RequestedBy).HasMaxLength(200);
        job.HasIndex(j => j.CompletedAt);
    }
}
