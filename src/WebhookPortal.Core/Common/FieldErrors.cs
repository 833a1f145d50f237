namespace WebhookPortal.Core.Common;

/// <summary>Collects validation messages per input field while a service checks a request.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new();

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = new List<string>();
        }

        messages.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
