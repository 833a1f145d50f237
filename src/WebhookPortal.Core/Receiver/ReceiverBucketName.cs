using System.Text.RegularExpressions;

namespace WebhookPortal.Core.Receiver;

/// <summary>What a bucket name of the built-in receiver may be: the last segment of <c>/receiver/{bucket}</c>.</summary>
public static partial class ReceiverBucketName
{
    public const int MaxLength = 60;

    /// <summary>Null when <paramref name="bucket"/> is a valid name; otherwise what to fix.</summary>
    public static string? Check(string? bucket) => bucket switch
    {
        null or "" => $"Add a bucket to the path, such as /receiver/orders: 1 to {MaxLength} lowercase letters, digits and dashes.",
        { Length: <= MaxLength } when NamePattern().IsMatch(bucket) => null,
        _ => $"'{Shorten(bucket)}' is not a bucket name: use 1 to {MaxLength} lowercase letters, digits and dashes, such as /receiver/orders.",
    };

    private static string Shorten(string bucket) => bucket.Length > MaxLength + 20 ? bucket[..(MaxLength + 20)] + "…" : bucket;

    [GeneratedRegex(@"^[a-z0-9-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
