using Microsoft.Extensions.Primitives;

namespace WebhookPortal.Core.Inbound;

/// <summary>
/// A request's headers as the schemes read them: names compared without regard to case, in any order,
/// and a header sent more than once kept as several values, so that a scheme can refuse the ambiguity.
/// </summary>
public sealed class InboundHeaders
{
    private readonly Dictionary<string, List<string>> values = new(StringComparer.OrdinalIgnoreCase);

    public InboundHeaders(IEnumerable<KeyValuePair<string, StringValues>> headers)
    {
        foreach (var (name, sent) in headers)
        {
            if (!values.TryGetValue(name, out var list))
            {
                values[name] = list = [];
            }

            list.AddRange(sent.Where(value => value is not null)!);
        }
    }

    /// <summary>Headers given as pairs, in order; a repeated name adds a value. For tests and callers without ASP.NET Core.</summary>
    public static InboundHeaders Of(params (string Name, string Value)[] headers) =>
        new(headers.Select(h => new KeyValuePair<string, StringValues>(h.Name, h.Value)));

    /// <summary>The names sent, lowercase and sorted: what a rejection keeps (never the values).</summary>
    public IReadOnlyList<string> Names => values.Keys.Select(n => n.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();

    /// <summary>Finds the one value of a header; <paramref name="value"/> is empty unless it was sent exactly once, not empty.</summary>
    public HeaderPresence Find(string name, out string value)
    {
        value = "";
        if (!values.TryGetValue(name, out var sent) || sent.All(string.IsNullOrWhiteSpace))
        {
            return HeaderPresence.Missing;
        }

        if (sent.Count > 1)
        {
            return HeaderPresence.Repeated;
        }

        value = sent[0].Trim();
        return HeaderPresence.Single;
    }

    /// <summary>The header's value when it was sent exactly once; otherwise null.</summary>
    public string? Single(string name) => Find(name, out var value) == HeaderPresence.Single ? value : null;
}
