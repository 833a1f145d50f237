using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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
        hook.Property(h => h.ProvidedFields)
            .HasConversion(
                fields => JsonSerializer.Serialize(fields, (JsonSerializerOptions?)null),
                json => JsonSerializer.Deserialize<List<string>>(json, (JsonSerializerOptions?)null) ?? new List<string>(),
                new ValueComparer<List<string>>(
                    (a, b) => a!.SequenceEqual(b!),
                    list => list.Aggregate(0, (hash, field) => HashCode.Combine(hash, field.GetHashCode(StringComparison.Ordinal))),
                    list => list.ToList()));
    }
}
