using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Core.Persistence;

internal sealed class ListenerConfiguration : IEntityTypeConfiguration<Listener>
{
    public void Configure(EntityTypeBuilder<Listener> listener)
    {
        listener.HasKey(l => l.Id);
        listener.Property(l => l.Id).HasMaxLength(40);
        listener.HasOne(l => l.Hook).WithMany().HasForeignKey(l => l.HookId).OnDelete(DeleteBehavior.Restrict);
        listener.Property(l => l.Url).HasMaxLength(ListenerRules.MaxUrlLength);
        listener.Property(l => l.Description).HasMaxLength(ListenerRules.MaxDescriptionLength);
        listener.Property(l => l.DisabledReason).HasMaxLength(500);
        listener.Property(l => l.Secret).HasMaxLength(100);
        listener.Property(l => l.PreviousSecret).HasMaxLength(100);
        listener.Property(l => l.Headers).HasJsonConversion();
        listener.Property(l => l.Filters).HasJsonConversion();
        listener.Property(l => l.Version).IsConcurrencyToken();
        listener.HasQueryFilter(l => l.DeletedAt == null);

        // The grid pages one hook's listeners newest first (filtered by state) and fan-out reads by hook:
        // (hook_id, id, enabled) serves both without sorting and counts without reading rows.
        listener.HasIndex(l => new { l.HookId, l.Id, l.Enabled });
        listener.HasIndex(l => l.CreatedAt);
        listener.HasIndex(l => l.Url);
        // The owner is not a foreign key in the database (see the AccountsAuditReplay migration): deleting an account clears it.
        listener.HasOne(l => l.Owner).WithMany().HasForeignKey(l => l.OwnerAccountId).OnDelete(DeleteBehavior.SetNull);
        listener.HasIndex(l => l.OwnerAccountId);
    }
}
