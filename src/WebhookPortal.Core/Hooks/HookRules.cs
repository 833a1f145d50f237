using System.Text.RegularExpressions;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Filters;

namespace WebhookPortal.Core.Hooks;

/// <summary>
/// What a hook's name, description and provided fields must look like. The portal, the API and hooks
/// registered in code all pass through these checks, so a name valid in one place is valid in all.
/// </summary>
public static partial class HookRules
{
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 2000;
    public const int MaxProvidedFields = 100;
    public const string ExampleName = "order.paid";

    /// <summary>Null when the name is valid; otherwise what to fix.</summary>
    public static string? CheckName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return $"Enter a name for the hook, such as {ExampleName}.";
        }

        if (name.Length > MaxNameLength)
        {
            return $"The name is {name.Length} characters long; the limit is {MaxNameLength}.";
        }

        if (NamePattern().IsMatch(name))
        {
            return null;
        }

        var hint = name.Any(char.IsUpper) ? "Use lowercase letters only. "
            : !name.Contains('.') ? "A name has at least two words separated by dots. "
            : "";
        return $"'{name}' is not a valid hook name. {hint}Write lowercase words separated by dots, each starting with a letter " +
               $"and holding letters, digits, _ or -: {ExampleName} or invoice.line_item.added.";
    }

    public static string? CheckDescription(string? description) =>
        description?.Length > MaxDescriptionLength
            ? $"The description is {description.Length} characters long; the limit is {MaxDescriptionLength}."
            : null;

    /// <summary>Adds a message per wrong field under <c>providedFields</c> or <c>providedFields[i]</c>.</summary>
    public static void CheckProvidedFields(IReadOnlyList<string>? fields, FieldErrors errors)
    {
        if (fields is null || fields.Count == 0)
        {
            errors.Add("providedFields", "Name at least one provided field, such as id. Only provided fields ever reach a listener.");
            return;
        }

        if (fields.Count > MaxProvidedFields)
        {
            errors.Add("providedFields", $"A hook provides at most {MaxProvidedFields} fields; this one lists {fields.Count}.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i]?.Trim() ?? "";
            var problem = field.Length == 0 ? $"Field {i + 1} is empty: enter a dotted path such as customer.email, or remove it."
                : !PayloadFields.IsValidPath(field) ? $"'{field}' is not a field path. Join names of letters, digits, _ or - with dots " +
                    $"(customer.email), at most {PayloadFields.MaxSegments} levels and {PayloadFields.MaxPathLength} characters."
                : !seen.Add(field) ? $"'{field}' is listed twice; keep one."
                : null;
            if (problem is not null)
            {
                errors.Add($"providedFields[{i}]", problem);
            }
        }
    }

    /// <summary>
    /// Checks every part of <paramref name="definition"/>, adding what is wrong to <paramref name="errors"/>;
    /// returns the tidied hook, or null when anything is wrong.
    /// </summary>
    internal static CheckedHook? Check(HookDefinition definition, FieldErrors errors)
    {
        var name = definition.Name?.Trim() ?? "";
        var description = definition.Description?.Trim() ?? "";
        var fields = definition.ProvidedFields?.Select(f => f?.Trim() ?? "").ToList();

        if (CheckName(name) is { } nameProblem)
        {
            errors.Add("name", nameProblem);
        }

        if (CheckDescription(description) is { } descriptionProblem)
        {
            errors.Add("description", descriptionProblem);
        }

        var fieldErrors = new FieldErrors();
        CheckProvidedFields(fields, fieldErrors);
        foreach (var (key, messages) in fieldErrors.ToDictionary())
        {
            Array.ForEach(messages, message => errors.Add(key, message));
        }

        // Which fields a sample may hold is only known once the fields themselves are right.
        var sample = HookSample.Check(definition.SamplePayload, fieldErrors.Any ? null : fields, out var sampleProblem);
        if (sampleProblem is not null)
        {
            errors.Add("samplePayload", sampleProblem);
        }

        return errors.Any ? null : new CheckedHook(name, description, fields!, sample!);
    }

    [GeneratedRegex(@"^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
