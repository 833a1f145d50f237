namespace WebhookPortal.Core.Events;

/// <summary>What an <c>Idempotency-Key</c> may be: 1–255 printable ASCII characters.</summary>
public static class IdempotencyKeys
{
    public const int MaxLength = 255;

    /// <summary>Null when the key is usable; otherwise what is wrong with it.</summary>
    public static string? Check(string key)
    {
        if (key.Length is 0 or > MaxLength)
        {
            return $"An idempotency key has 1 to {MaxLength} characters; this one has {key.Length}.";
        }

        return key.All(c => c is >= '!' and <= '~')
            ? null
            : "An idempotency key is made of printable ASCII characters without spaces, such as a UUID.";
    }
}
