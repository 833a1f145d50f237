namespace WebhookPortal.Core.Hooks;

/// <summary>
/// What an admin (in the portal or through the API) says a hook is. Everything is optional here so that
/// <see cref="HookService"/> can answer each missing or wrong part with a message, rather than the caller
/// failing to build the request.
/// </summary>
public sealed record HookDefinition
{
    /// <summary>Lowercase dotted words (<c>order.paid</c>); on an update, empty or the hook's own name.</summary>
    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Dotted paths into the payload; only these reach listeners.</summary>
    public IReadOnlyList<string>? ProvidedFields { get; init; }

    /// <summary>A JSON object holding only provided fields; empty means "build one from the field names".</summary>
    public string? SamplePayload { get; init; }
}
