using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebhookPortal.Core.Accounts;

namespace WebhookPortal.Core.Persistence;

internal sealed class PortalKeyConfiguration : IEntityTypeConfiguration<PortalKey>
{
    public void Configure(EntityTypeBuilder<PortalKey> key)
    {
        key.ToTable("portal_keys");
        key.HasKey(k => k.Name);
        key.Property(k => k.Name).HasMaxLength(50);
        key.Property(k => k.Value).HasMaxLength(200);
    }
}
