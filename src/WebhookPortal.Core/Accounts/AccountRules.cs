using System.Net.Mail;
using WebhookPortal.Core.Common;

namespace WebhookPortal.Core.Accounts;

/// <summary>What makes account input acceptable.</summary>
public static class AccountRules
{
    public const int MaxEmailLength = 254;
    public const int MaxDisplayNameLength = 100;
    public const int MaxKeyNameLength = 100;
    public const int MaxPasswordLength = 128;

    /// <summary>Lowercased and trimmed: the form emails are stored and looked up in.</summary>
    public static string Normalize(string? email) => (email ?? "").Trim().ToLowerInvariant();

    public static void CheckEmail(string? email, FieldErrors errors)
    {
        var value = Normalize(email);
        if (value.Length == 0)
        {
            errors.Add("email", "Give the account's email address.");
        }
        else if (value.Length > MaxEmailLength)
        {
            errors.Add("email", $"The email address is longer than {MaxEmailLength} characters.");
        }
        else if (!MailAddress.TryCreate(value, out var parsed) || parsed.Address != value || !value.Contains('@'))
        {
            errors.Add("email", $"'{value}' is not an email address such as ana@example.com.");
        }
    }

    public static void CheckPassword(string? password, int minimumLength, FieldErrors errors)
    {
        if (password is null)
        {
            return;
        }

        if (password.Length < minimumLength)
        {
            errors.Add("password", $"The password must be at least {minimumLength} characters long.");
        }
        else if (password.Length > MaxPasswordLength)
        {
            errors.Add("password", $"The password must be at most {MaxPasswordLength} characters long.");
        }
        else if (string.IsNullOrWhiteSpace(password))
        {
            errors.Add("password", "The password cannot be only spaces.");
        }
    }
}
