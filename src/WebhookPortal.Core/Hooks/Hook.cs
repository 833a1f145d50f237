namespace WebhookPortal.Core.Hooks;

/// <summary>
/// An event type an application emits, such as <c>person.saved</c>. Only its
/// <see cref="ProvidedFields"/> ever reach a listener.
/// </summary>
public sealed class Hook
{
    public int Id { get; set; }

    /// <summary>Lowercase dotted words, unique: <c>order.paid</c>.</summary>
    public required string Name { get; set; }

    public string Description { get; set; } = "";

    public HookSource Source { get; set; }

    /// <summary>The watched entity when <see cref="Source"/> is <see cref="HookSource.EntityChange"/>.</summary>
    public string? EntityName { get; set; }

    /// <summary>The change that fires the hook when <see cref="Source"/> is <see cref="HookSource.EntityChange"/>.</summary>
    public EntityChangeKind? EntityChange { get; set; }

    /// <summary>Dotted paths into the payload (<c>customer.email</c>); every other field is withheld.</summary>
    public List<string> ProvidedFields { get; set; } = new();

    /// <summary>An example payload as JSON text, holding only provided fields.</summary>
    public string SamplePayload { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// Whether the payload path reaches listeners: it is a provided field or lies under one
    /// (<c>customer.email</c> when <c>customer</c> is provided).
    /// </summary>
    public bool Provides(string path) => Provides(ProvidedFields, path);

    /// <inheritdoc cref="Provides(string)"/>
    public static bool Provides(IEnumerable<string> providedFields, string path) =>
        providedFields.Any(field => path == field ||
            (path.Length > field.Length && path[field.Length] == '.' && path.StartsWith(field, StringComparison.Ordinal)));
}
