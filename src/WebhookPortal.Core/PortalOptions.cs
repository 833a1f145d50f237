using System.ComponentModel.DataAnnotations;

namespace WebhookPortal.Core;

/// <summary>The <c>Portal</c> section: behaviour of the portal as a whole.</summary>
public sealed class PortalOptions : IValidatableObject
{
    public const string SectionName = "Portal";

    /// <summary>
    /// On the first start with an empty database, add the portal-defined demo hook, and the demo listeners
    /// and events for the built-in receiver; the web host also registers the demo's entity hooks in code
    /// only while this is true.
    /// </summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>
    /// The portal's own address as the portal itself reaches it, for URLs that point back at it (the demo
    /// listeners' receiver). Empty: the first address the running server listens on (<see cref="ServerAddresses"/>), and
    /// until it runs the first address of the <c>Urls</c> setting, a wildcard host read as <c>localhost</c> (see
    /// <see cref="PortalBaseUrl"/>); this property then holds the latter.
    /// </summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>
    /// The first admin, created at start-up while the database has no admin account. An empty password in
    /// Development is generated and saved beside the database; elsewhere it must be set.
    /// </summary>
    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var errors = new Common.FieldErrors();
        Accounts.AccountRules.CheckEmail(BootstrapAdmin.Email, errors);
        if (!string.IsNullOrEmpty(BootstrapAdmin.Password))
        {
            Accounts.AccountRules.CheckPassword(BootstrapAdmin.Password, 12, errors);
        }

        foreach (var (field, messages) in errors.ToDictionary())
        {
            var key = field == "email" ? "Email" : "Password";
            yield return new ValidationResult($"Portal:BootstrapAdmin:{key}: {string.Join(" ", messages)}", [nameof(BootstrapAdmin)]);
        }

        if (BaseUrl.Length > 0 && !PortalBaseUrl.IsValid(BaseUrl))
        {
            yield return new ValidationResult(
                $"Portal:BaseUrl is '{BaseUrl}', which is not an absolute http or https address such as http://localhost:5000.",
                [nameof(BaseUrl)]);
        }
    }
}

/// <summary>The <c>Portal:BootstrapAdmin</c> section.</summary>
public sealed class BootstrapAdminOptions
{
    public string Email { get; set; } = "admin@example.com";

    public string Password { get; set; } = "";
}
