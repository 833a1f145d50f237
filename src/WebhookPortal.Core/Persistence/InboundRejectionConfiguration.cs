using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebhookPortal.Core.Inbound;

namespace WebhookPortal.Core.Persistence;

internal sealed class InboundRejectionConfiguration : IEntityTypeConfiguration<InboundRejection>
{
    public void Configure(EntityTypeBuilder<InboundRejection> rejection)
    {
        rejection.HasKey(r => r.Id);
        rejection.HasOne<InboundSource>().WithMany().HasForeignKey(r => r.SourceId).OnDelete(DeleteBehavior.Cascade);
        rejection.Property(r => r.Reason).HasConversion<string>().HasMaxLength(40);
        rejection.Property(r => r.Detail).HasMaxLength(InboundRejection.MaxDetailLength);
        rejection.Property(r => r.RemoteAddress).HasMaxLength(64);
        rejection.Property(r => r.HeaderNames).HasJsonConversion();

        // Newest first per source, and trimming the oldest, both walk (source_id, id); the list counts the last day by time.
        rejection.HasIndex(r => new { r.SourceId, r.Id });
        rejection.HasIndex(r => new { r.SourceId, r.ReceivedAt });
    }
}
