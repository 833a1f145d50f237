namespace WebhookPortal.Web.Api;

/// <summary>Enum values as the API takes them: by name, ignoring case; numbers are not accepted.</summary>
public static class EnumText
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);

    public static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());

    /// <summary>Reads an optional query value; an unknown name records an error that lists the accepted ones.</summary>
    public static T? ReadQuery<T>(string? text, string parameter, IDictionary<string, string[]> errors) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (TryParse<T>(text, out var value))
        {
            return value;
        }

        errors[parameter] = [$"{parameter} must be one of: {Names<T>()}."];
        return null;
    }
}
