using WebhookPortal.Core.Accounts;

namespace WebhookPortal.Web.Components.Pages.Accounts;

/// <summary>The account form's editable state.</summary>
public sealed class AccountFormModel
{
    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public AccountRole Role { get; set; } = AccountRole.Customer;

    public string? Password { get; set; }

    public bool MaySeeSecrets { get; set; }

    public static AccountFormModel From(Account account) => new()
    {
        Email = account.Email, DisplayName = account.DisplayName, Role = account.Role, MaySeeSecrets = account.MaySeeSecrets,
    };

    public AccountInput ToInput() => new(Email, DisplayName, Role, string.IsNullOrEmpty(Password) ? null : Password, MaySeeSecrets);
}
