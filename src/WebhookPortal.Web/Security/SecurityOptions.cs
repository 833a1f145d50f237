using System.ComponentModel.DataAnnotations;

namespace WebhookPortal.Web.Security;

/// <summary>The <c>Security</c> section: who may frame the portal's pages and which other origins may post to it.</summary>
public sealed class SecurityOptions : IValidatableObject
{
    public const string SectionName = "Security";

    /// <summary>
    /// The <c>frame-ancestors</c> of the Content-Security-Policy: the pages allowed to show the portal in a frame, such as
    /// <c>'self' https://app.example.com</c> for customer links embedded in the host application.
    /// </summary>
    public string FrameAncestors { get; set; } = "'self'";

    /// <summary>Origins besides the portal's own (<c>https://app.example.com</c>) whose pages may post forms and open live connections.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(FrameAncestors) || FrameAncestors.Any(c => c is ';' or ',' || char.IsControl(c)))
        {
            yield return new ValidationResult(
                "Security:FrameAncestors must be a space-separated list of sources such as 'self' https://app.example.com (no ; or ,).",
                [nameof(FrameAncestors)]);
        }

        foreach (var origin in AllowedOrigins)
        {
            if (OriginCheck.Normalize(origin) is null)
            {
                yield return new ValidationResult(
                    $"Security:AllowedOrigins has '{origin}', which is not an origin; write scheme, host and port only, such as https://app.example.com.",
                    [nameof(AllowedOrigins)]);
            }
        }
    }
}
