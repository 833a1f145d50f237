using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace WebhookPortal.Core.Persistence;

/// <summary>Stores a <see cref="DateTimeOffset"/> as milliseconds since the Unix epoch, in UTC.</summary>
public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    stored => DateTimeOffset.FromUnixTimeMilliseconds(stored));
