namespace WebhookPortal.Core.Accounts;

/// <summary>What an admin gives to create or change an account.</summary>
/// <param name="Password">On create: the first password, or null for an account that uses only keys and links.
/// On update: a new password, or null to keep the current one.</param>
/// <param name="MaySeeSecrets">For a customer: whether it may see its listeners' signing secrets.</param>
public sealed record AccountInput(string? Email, string? DisplayName, AccountRole Role, string? Password = null, bool MaySeeSecrets = false);
