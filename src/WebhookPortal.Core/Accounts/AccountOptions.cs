using System.ComponentModel.DataAnnotations;

namespace WebhookPortal.Core.Accounts;

/// <summary>The <c>Accounts</c> section: sign-in rules.</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    [Range(1, 100, ErrorMessage = "Accounts:MaxFailedSignIns must be between 1 and 100.")]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account refuses every sign-in, even with the right password.</summary>
    [Range(1, 1440, ErrorMessage = "Accounts:LockoutMinutes must be between 1 and 1440.")]
    public int LockoutMinutes { get; set; } = 15;

    [Range(8, 128, ErrorMessage = "Accounts:MinimumPasswordLength must be between 8 and 128.")]
    public int MinimumPasswordLength { get; set; } = 12;

    /// <summary>How long a sign-in lasts without activity.</summary>
    [Range(1, 720, ErrorMessage = "Accounts:SessionHours must be between 1 and 720.")]
    public int SessionHours { get; set; } = 12;
}
