using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebhookPortal.Core.Accounts;

namespace WebhookPortal.Core.Persistence;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.ToTable("api_keys");
        key.HasKey(k => k.Id);
        key.HasOne(k => k.Account).WithMany().HasForeignKey(k => k.AccountId).OnDelete(DeleteBehavior.Cascade);
        key.Property(k => k.Name).HasMaxLength(AccountRules.MaxKeyNameLength);
        key.Property(k => k.Hint).HasMaxLength(20);
        key.Property(k => k.Hash).HasMaxLength(64);
        key.HasIndex(k => k.Hash).IsUnique();
        key.HasIndex(k => k.AccountId);
    }
}
