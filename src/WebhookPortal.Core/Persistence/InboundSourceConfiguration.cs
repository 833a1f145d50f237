using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebhookPortal.Core.Inbound;

namespace WebhookPortal.Core.Persistence;

internal sealed class InboundSourceConfiguration : IEntityTypeConfiguration<InboundSource>
{
    public void Configure(EntityTypeBuilder<InboundSource> source)
    {
        source.HasKey(s => s.Id);
        source.Property(s => s.Name).HasMaxLength(InboundSourceRules.MaxNameLength);
        source.HasIndex(s => s.Name).IsUnique();
        source.Property(s => s.Description).HasMaxLength(InboundSourceRules.MaxDescriptionLength);
        source.Property(s => s.Scheme).HasConversion<string>().HasMaxLength(20);
        source.Property(s => s.Secret).HasMaxLength(500);
        source.Property(s => s.PreviousSecret).HasMaxLength(500);
        source.Property(s => s.HeaderName).HasMaxLength(InboundSourceRules.MaxHeaderNameLength);

        // A hook that a source publishes to cannot be deleted from under it (HookService says which source).
        source.HasOne(s => s.Hook).WithMany().HasForeignKey(s => s.HookId).OnDelete(DeleteBehavior.Restrict);
    }
}
