namespace WebhookPortal.Core.Hooks;

/// <summary>A hook definition that passed <see cref="HookRules"/>: trimmed, and its sample stored compact.</summary>
internal sealed record CheckedHook(string Name, string Description, List<string> ProvidedFields, string SamplePayload);
