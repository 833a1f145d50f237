using WebhookPortal.Core.Common;

namespace WebhookPortal.Core.Inbound;

/// <summary>The refusals of <see cref="InboundSourceService"/>, each saying what to do next.</summary>
internal static class InboundErrors
{
    public static ServiceError NotFound(string name) => ServiceError.NotFound(
        "Source not found", $"No inbound source is named '{name}'; it may have been deleted. GET /api/sources lists them.");

    public static ServiceError NameTaken(string name) => new(
        ServiceErrorKind.Conflict,
        "The name is taken",
        $"An inbound source named '{name}' already exists. Choose another name, or change the existing source.",
        new Dictionary<string, string[]> { ["name"] = [$"A source named '{name}' already exists."] });

    public static ServiceError HookNotFound(string hook) => ServiceError.Invalid("The source is not valid",
        new Dictionary<string, string[]>
        {
            ["hook"] = [$"No hook is named '{hook}'. Choose one from the hook catalogue, or define the hook first."],
        });

    public static ServiceError CannotRotate(InboundSource source) => ServiceError.Conflict(
        "The sender owns this secret",
        $"With the {source.Scheme} scheme the secret is set at the sender, so the portal cannot make a new one. " +
        "Change it at the sender, then paste the new one in the source's Secret field.");
}
