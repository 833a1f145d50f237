using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebhookPortal.Core.Accounts;

namespace WebhookPortal.Core.Persistence;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> account)
    {
        account.HasKey(a => a.Id);
        account.Property(a => a.Email).HasMaxLength(AccountRules.MaxEmailLength);
        account.HasIndex(a => a.Email).IsUnique();
        account.Property(a => a.DisplayName).HasMaxLength(AccountRules.MaxDisplayNameLength);
        account.Property(a => a.Role).HasConversion<string>().HasMaxLength(20);
        account.Property(a => a.PasswordHash).HasMaxLength(200);
        account.Property(a => a.SecurityStamp).HasMaxLength(40);
    }
}
