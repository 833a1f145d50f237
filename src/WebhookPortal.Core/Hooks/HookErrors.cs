using WebhookPortal.Core.Common;

namespace WebhookPortal.Core.Hooks;

/// <summary>The refusals of <see cref="HookService"/>, each saying what to do next.</summary>
internal static class HookErrors
{
    public static ServiceError NameTaken(string name) => new(
        ServiceErrorKind.Conflict,
        "The name is taken",
        $"A hook named '{name}' already exists. Choose another name, or change the existing hook.",
        new Dictionary<string, string[]> { ["name"] = [$"A hook named '{name}' already exists."] });

    public static ServiceError NotFound(string name) => ServiceError.NotFound(
        "Hook not found", $"No hook is named '{name}'; it may have been deleted. The hook catalogue lists every hook.");

    /// <param name="hook">A hook whose source is an entity change.</param>
    /// <param name="stillRegistered">Whether the code still registers it; if not, it may be deleted.</param>
    public static ServiceError DefinedInCode(Hook hook, bool stillRegistered) => stillRegistered
        ? ServiceError.Conflict(
            "The hook is defined in the application's code",
            $"'{hook.Name}' is registered in the application's code (it fires when {hook.EntityName} entities are " +
            $"{(hook.EntityChange == EntityChangeKind.Deleted ? "deleted" : "saved")}), so it cannot be changed or deleted here. " +
            "Change its registration in the code and restart the portal.")
        : ServiceError.Conflict(
            "The hook is defined in the application's code",
            $"'{hook.Name}' came from the application's code, which no longer registers it, so it cannot be changed here. " +
            "Delete it once no listener uses it, or register it in the code again.");

    public static ServiceError TargetOfSources(string name, IReadOnlyList<string> sources) => ServiceError.Conflict(
        "The hook is in use",
        $"{(sources.Count == 1 ? "The inbound source" : "The inbound sources")} {string.Join(", ", sources.Select(s => $"'{s}'"))} " +
        $"{(sources.Count == 1 ? "publishes" : "publish")} to '{name}'. " +
        "Point them at another hook or delete them first, then delete the hook.");

    public static ServiceError HasHistory(string name, int events) => ServiceError.Conflict(
        "The hook has a history",
        $"'{name}' has {events:N0} event{(events == 1 ? "" : "s")} in the delivery history, which refer to it. They are " +
        "removed by retention as they age; delete the hook after that, or keep it and stop publishing to it.");

    public static ServiceError InUse(string name, int? listeners)
    {
        var users = listeners switch { null => "Listeners use", 1 => "1 listener uses", var count => $"{count} listeners use" };
        return ServiceError.Conflict("The hook is in use",
            $"{users} '{name}'. Delete those listeners or move them to another hook first, then delete the hook.");
    }
}
