namespace WebhookPortal.Core.Common;

/// <summary>Turns user text into a literal SQL LIKE fragment.</summary>
public static class LikePattern
{
    public const string EscapeCharacter = "\\";

    /// <summary>Escapes <c>%</c>, <c>_</c> and the escape character so the text matches only itself.</summary>
    public static string Escape(string text) =>
        text.Replace(EscapeCharacter, EscapeCharacter + EscapeCharacter, StringComparison.Ordinal)
            .Replace("%", EscapeCharacter + "%", StringComparison.Ordinal)
            .Replace("_", EscapeCharacter + "_", StringComparison.Ordinal);
}
