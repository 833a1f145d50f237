using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Hooks;
using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Core.Audit;

/// <summary>What the audit trail keeps of a thing before and after a change: its settings, never its secrets.</summary>
public static class AuditSnapshots
{
    public const string Redacted = "(redacted)";

    /// <summary>A listener's settings. Custom header values may carry credentials, so only their names are kept.</summary>
    public static object Of(Listener listener, string hookName) => new
    {
        hook = hookName,
        url = listener.Url,
        description = listener.Description,
        enabled = listener.Enabled,
        ownerAccountId = listener.OwnerAccountId,
        headers = listener.Headers.Select(h => new { name = h.Name, value = Redacted }).ToList(),
        filters = listener.Filters.Select(f => new { field = f.Field, @operator = f.Operator.ToString(), value = f.Value, not = f.Not, caseSensitive = f.CaseSensitive }).ToList(),
        version = listener.Version,
    };

    /// <summary>A hook's definition: what it provides and its sample, which holds only provided fields.</summary>
    public static object Of(Hook hook) => new
    {
        name = hook.Name,
        source = hook.Source.ToString(),
        description = hook.Description,
        providedFields = hook.ProvidedFields.ToList(),
        samplePayload = hook.SamplePayload,
    };

    public static object Of(Account account) => new
    {
        email = account.Email,
        displayName = account.DisplayName,
        role = account.Role.ToString(),
        maySeeSecrets = account.MaySeeSecrets,
    };
}
