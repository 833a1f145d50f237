using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebhookPortal.Core.Audit;

namespace WebhookPortal.Core.Persistence;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("audit_entries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.ActorName).HasMaxLength(200);
        entry.Property(e => e.Action).HasMaxLength(50);
        entry.Property(e => e.TargetType).HasMaxLength(30);
        entry.Property(e => e.TargetId).HasMaxLength(60);
        entry.Property(e => e.Summary).HasMaxLength(500);

        // The page lists newest first (by id), narrowed by action, target or actor.
        entry.HasIndex(e => new { e.Action, e.Id });
        entry.HasIndex(e => new { e.TargetId, e.Id });
        entry.HasIndex(e => new { e.ActorAccountId, e.Id });
        entry.HasIndex(e => e.At);
    }
}
