namespace WebhookPortal.Core.Hooks;

/// <summary>A hook the application declared in code: it fires when an entity of <see cref="EntityType"/> changes.</summary>
/// <param name="Name">Lowercase dotted words: <c>person.saved</c>.</param>
/// <param name="Description">What the event means, for the people who subscribe to it.</param>
/// <param name="EntityType">The watched entity's CLR type, as the DbContext knows it.</param>
/// <param name="Change">Whether it fires on save (add or modify) or on delete.</param>
/// <param name="ProvidedFields">The dotted paths that reach listeners; every other property stays in the application.</param>
/// <param name="SamplePayload">A compact JSON object holding only provided fields.</param>
public sealed record EntityHookRegistration(
    string Name,
    string Description,
    Type EntityType,
    EntityChangeKind Change,
    IReadOnlyList<string> ProvidedFields,
    string SamplePayload)
{
    /// <summary>How the hooks table names the entity: the CLR type's short name.</summary>
    public string EntityName => EntityType.Name;
}
