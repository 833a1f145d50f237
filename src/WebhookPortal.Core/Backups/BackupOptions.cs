using System.ComponentModel.DataAnnotations;

namespace WebhookPortal.Core.Backups;

/// <summary>The <c>Backup</c> section: where online backups of the database go and how many are kept.</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Backup";

    /// <summary>The folder for backups; a relative path is resolved against the database file's folder.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Backup:Folder must name a folder, such as \"backups\".")]
    public string Folder { get; set; } = "backups";

    /// <summary>How many backups in the folder are kept: older ones are removed after each new one; 0 keeps all.</summary>
    [Range(0, 10_000, ErrorMessage = "Backup:Keep must be between 0 (keep every backup) and 10000.")]
    public int Keep { get; set; } = 7;
}
