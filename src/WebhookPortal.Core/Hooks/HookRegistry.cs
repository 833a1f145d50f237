using WebhookPortal.Core.Common;

namespace WebhookPortal.Core.Hooks;

/// <summary>
/// The hooks the host application declares in code, passed to <c>AddWebhookCore(hooks => …)</c>. At
/// start-up they are copied into the hooks table (added or updated, never removed); when an entity is
/// saved or deleted, <see cref="For"/> says which hooks fire.
/// </summary>
/// <remarks>Filled while the host is built and only read afterwards, so reads need no lock.</remarks>
public sealed class HookRegistry
{
    private readonly Dictionary<string, EntityHookRegistration> byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(Type, EntityChangeKind), List<EntityHookRegistration>> byEntity = new();
    private readonly List<EntityHookRegistration> all = new();

    /// <summary>Every registration, in the order they were made.</summary>
    public IReadOnlyList<EntityHookRegistration> Registrations => all;

    /// <summary>
    /// Declares a hook that fires when a <typeparamref name="TEntity"/> is saved or deleted, with the same
    /// rules for the name, fields and sample as hooks defined in the portal.
    /// </summary>
    /// <param name="sample">A JSON object holding only provided fields; null builds one from the field names.</param>
    /// <exception cref="ArgumentException">A rule is broken, or the name is registered already; the message says which.</exception>
    public HookRegistry OnEntity<TEntity>(
        EntityChangeKind change, string name, string description, IReadOnlyList<string> providedFields, string? sample = null)
        where TEntity : class =>
        OnEntity(typeof(TEntity), change, name, description, providedFields, sample);

    /// <inheritdoc cref="OnEntity{TEntity}"/>
    public HookRegistry OnEntity(
        Type entityType, EntityChangeKind change, string name, string description, IReadOnlyList<string> providedFields, string? sample = null)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        if (!Enum.IsDefined(change))
        {
            throw new ArgumentOutOfRangeException(nameof(change), change, $"Hook '{name}': the change must be Saved or Deleted.");
        }

        var errors = new FieldErrors();
        var valid = HookRules.Check(
            new HookDefinition { Name = name, Description = description, ProvidedFields = providedFields, SamplePayload = sample }, errors);
        if (valid is null)
        {
            var problems = errors.ToDictionary();
            throw new ArgumentException(
                $"The hook '{name}' on {entityType.Name} cannot be registered: " +
                string.Join(" ", problems.SelectMany(p => p.Value.Select(message => $"[{p.Key}] {message}"))),
                ParameterOf(problems.Keys.First()));
        }

        if (byName.TryGetValue(valid.Name, out var existing))
        {
            throw new ArgumentException(
                $"The hook '{valid.Name}' is registered twice (on {existing.EntityName} and on {entityType.Name}); hook names are unique.",
                nameof(name));
        }

        var registration = new EntityHookRegistration(
            valid.Name, valid.Description, entityType, change, valid.ProvidedFields, valid.SamplePayload);
        byName[registration.Name] = registration;
        all.Add(registration);
        if (!byEntity.TryGetValue((entityType, change), out var forEntity))
        {
            byEntity[(entityType, change)] = forEntity = new List<EntityHookRegistration>();
        }

        forEntity.Add(registration);
        return this;
    }

    /// <summary>The hooks that fire when an entity of exactly <paramref name="entityType"/> has <paramref name="change"/>.</summary>
    public IReadOnlyList<EntityHookRegistration> For(Type entityType, EntityChangeKind change) =>
        byEntity.TryGetValue((entityType, change), out var registrations) ? registrations : [];

    /// <summary>Whether the application's code still declares a hook of this name (case-insensitive, as hook names are).</summary>
    public bool IsRegistered(string name) => byName.ContainsKey(name);

    private static string ParameterOf(string field) => field switch
    {
        "samplePayload" => "sample",
        _ when field.StartsWith("providedFields", StringComparison.Ordinal) => "providedFields",
        _ => field,
    };
}
