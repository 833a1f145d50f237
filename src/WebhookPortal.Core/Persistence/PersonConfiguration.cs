using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebhookPortal.Core.Demo;

namespace WebhookPortal.Core.Persistence;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.ToTable("people");
        person.HasKey(p => p.Id);
        person.Property(p => p.Name).HasMaxLength(200);
        person.Property(p => p.Address).HasMaxLength(500);
        person.Property(p => p.Secret).HasMaxLength(200);
    }
}
