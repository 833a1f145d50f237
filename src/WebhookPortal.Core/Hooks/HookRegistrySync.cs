using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Hooks;

/// <summary>
/// Brings the hooks table in line with <see cref="HookRegistry"/> at start-up. It adds and updates but never
/// deletes: a hook removed from code keeps its row, so its listeners and history are not lost with it.
/// </summary>
internal static class HookRegistrySync
{
    /// <summary>Adds and updates the registered hooks in one transaction; returns how many of each.</summary>
    /// <exception cref="DatabaseStartupException">A registered name belongs to a hook defined in the portal or through the API.</exception>
    public static async Task<(int Added, int Updated)> SyncAsync(
        PortalDbContext db, HookRegistry registry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (registry.Registrations.Count == 0)
        {
            return (0, 0);
        }

        // The name column compares case-insensitively (NOCASE), and so does this dictionary.
        var names = registry.Registrations.Select(r => r.Name).ToList();
        var stored = await db.Hooks.Where(h => names.Contains(h.Name))
            .ToDictionaryAsync(h => h.Name, StringComparer.OrdinalIgnoreCase, cancellationToken);

        var clashes = stored.Values.Where(h => h.Source != HookSource.EntityChange).Select(h => h.Name).ToList();
        if (clashes.Count > 0)
        {
            throw new DatabaseStartupException(
                $"The hook{(clashes.Count > 1 ? "s" : "")} '{string.Join("', '", clashes)}' {(clashes.Count > 1 ? "are" : "is")} registered " +
                "in the application's code, but the portal already has a hook of that name defined in the portal or through the API. " +
                "Rename the registration in code, or delete the portal-defined hook (after deleting or moving its listeners), then start again.");
        }

        var (added, updated) = (0, 0);
        foreach (var registration in registry.Registrations)
        {
            if (!stored.TryGetValue(registration.Name, out var hook))
            {
                hook = new Hook { Name = registration.Name, Source = HookSource.EntityChange, CreatedAt = now };
                db.Hooks.Add(hook);
                added++;
            }
            else if (Matches(hook, registration))
            {
                continue;
            }
            else
            {
                updated++;
            }

            hook.Description = registration.Description;
            hook.EntityName = registration.EntityName;
            hook.EntityChange = registration.Change;
            hook.ProvidedFields = registration.ProvidedFields.ToList();
            hook.SamplePayload = registration.SamplePayload;
            hook.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return (added, updated);
    }

    private static bool Matches(Hook hook, EntityHookRegistration registration) =>
        hook.Description == registration.Description &&
        hook.EntityName == registration.EntityName &&
        hook.EntityChange == registration.Change &&
        hook.ProvidedFields.SequenceEqual(registration.ProvidedFields) &&
        hook.SamplePayload == registration.SamplePayload;
}
