using System.ComponentModel.DataAnnotations;

namespace WebhookPortal.Web.Api;

/// <summary>The <c>Api</c> section of <c>appsettings.json</c>.</summary>
public sealed class ApiOptions : IValidatableObject
{
    public const string SectionName = "Api";
    public const int MinimumKeyLength = 32;

    /// <summary>
    /// The key that acts as an admin on the REST API (<c>Authorization: Bearer …</c>). Empty: in
    /// Development one is generated and stored next to the database; elsewhere the API has no admin key.
    /// </summary>
    public string? AdminKey { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(AdminKey) && AdminKey.Trim().Length < MinimumKeyLength)
        {
            yield return new ValidationResult(
                $"Api:AdminKey must be at least {MinimumKeyLength} characters long (or empty).",
                [nameof(AdminKey)]);
        }
    }
}
