using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebhookPortal.Core.Hooks;

namespace WebhookPortal.Core.Persistence;

internal sealed class HookConfiguration : IEntityTypeConfiguration<Hook>
{
    public const int NameMaxLength = 100;

    public void Configure(EntityTypeBuilder<Hook> hook)
    {
        hook.HasKey(h => h.Id);
        hook.Property(h => h.Name).HasMaxLength(NameMaxLength).UseCollation("NOCASE");
        hook.HasIndex(h => h.Name).IsUnique();
        hook.Property(h => h.Description).HasMaxLength(2000);
        hook.Property(h => h.Source).HasConversion<string>().HasMaxLength(20);
        hook.Property(h => h.EntityName).HasMaxLength(200);
        hook.Property(h => h.EntityChange).HasConversion<string>().HasMaxLength(20);
        hook.Property(h => h.ProvidedFields).HasJsonConversion();
    }
}
