using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebhookPortal.Core.Events;

namespace WebhookPortal.Core.Persistence;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public const int MaxIdempotencyKeyLength = 255;

    public void Configure(EntityTypeBuilder<Event> @event)
    {
        @event.HasKey(e => e.Id);
        @event.Property(e => e.Id).HasMaxLength(40);
        @event.HasOne(e => e.Hook).WithMany().HasForeignKey(e => e.HookId).OnDelete(DeleteBehavior.Restrict);
        @event.Property(e => e.Origin).HasConversion<string>().HasMaxLength(20);
        @event.Property(e => e.OriginDetail).HasMaxLength(500);
        @event.Property(e => e.IdempotencyKey).HasMaxLength(MaxIdempotencyKeyLength);

        // A retried publish finds the first event by (hook, key); a key is released after its 24 hours.
        @event.HasIndex(e => new { e.HookId, e.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
        @event.HasIndex(e => new { e.HookId, e.Id });
        @event.HasIndex(e => e.CreatedAt);
    }
}
