using System.Globalization;
using System.Text.RegularExpressions;

namespace WebhookPortal.Web.Tests.Metrics;

/// <summary>
/// A strict reader of the Prometheus text exposition format 0.0.4, as the Prometheus server reads it: it throws on
/// anything the format does not allow, so a scrape that parses here is one Prometheus accepts.
/// </summary>
internal static partial class PrometheusExposition
{
    private static readonly HashSet<string> Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public sealed record Family(string Name, string Type, string Help, List<Sample> Samples);

    public static IReadOnlyDictionary<string, Family> Parse(string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            throw new FormatException("The exposition must end with a line feed.");
        }

        var families = new Dictionary<string, Family>(StringComparer.Ordinal);
        Family? current = null;
        var lines = text.Split('\n')[..^1];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var where = $"line {i + 1} ('{line}')";
            if (line.StartsWith("# HELP ", StringComparison.Ordinal) || line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line[7..].Split(' ', 2);
                var name = parts[0];
                Require(MetricName().IsMatch(name), $"{where}: '{name}' is not a metric name.");
                if (!families.TryGetValue(name, out var family))
                {
                    family = families[name] = new Family(name, "untyped", "", []);
                }

                Require(family.Samples.Count == 0, $"{where}: HELP and TYPE come before the family's samples.");
                if (line[2] == 'T')
                {
                    Require(parts.Length == 2 && Types.Contains(parts[1]), $"{where}: unknown type.");
                    families[name] = family = family with { Type = parts[1] };
                }
                else
                {
                    families[name] = family = family with { Help = parts.Length == 2 ? parts[1] : "" };
                }

                current = family;
                continue;
            }

            Require(!line.StartsWith('#') || line.StartsWith("# ", StringComparison.Ordinal), $"{where}: a comment starts with '# '.");
            if (line.StartsWith('#') || line.Length == 0)
            {
                Require(line.Length > 0, $"{where}: empty line.");
                continue;
            }

            var sample = ParseSample(line, where);
            var owner = current is not null && BelongsTo(sample.Name, current) ? current : null;
            Require(owner is not null, $"{where}: the sample does not follow the HELP/TYPE of its family (samples of a family are contiguous).");
            owner!.Samples.Add(sample);
        }

        foreach (var family in families.Values.Where(f => f.Type == "histogram"))
        {
            CheckHistogram(family);
        }

        return families;
    }

    private static bool BelongsTo(string sample, Family family) => family.Type switch
    {
        "histogram" => sample == family.Name + "_bucket" || sample == family.Name + "_sum" || sample == family.Name + "_count",
        _ => sample == family.Name,
    };

    private static Sample ParseSample(string line, string where)
    {
        var match = SampleLine().Match(line);
        Require(match.Success, $"{where}: not 'name{{labels}} value'.");
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = match.Groups["labels"].Value;
        var position = 0;
        while (position < text.Length)
        {
            var label = LabelPair().Match(text, position);
            Require(label.Success && label.Index == position, $"{where}: bad label at '{text[position..]}'.");
            var name = label.Groups["name"].Value;
            Require(labels.TryAdd(name, Unescape(label.Groups["value"].Value, where)), $"{where}: label '{name}' twice.");
            position += label.Length;
            if (position < text.Length)
            {
                Require(text[position] == ',', $"{where}: labels are separated by commas.");
                position++;
            }
        }

        var value = match.Groups["value"].Value switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            var number => double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                ? parsed : throw new FormatException($"{where}: '{number}' is not a number."),
        };
        return new Sample(match.Groups["name"].Value, labels, value);
    }

    private static string Unescape(string value, string where)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\')
            {
                text.Append(value[i]);
                continue;
            }

            Require(i + 1 < value.Length, $"{where}: a label value ends in a backslash.");
            text.Append(value[++i] switch
            {
                '\\' => '\\',
                '"' => '"',
                'n' => '\n',
                var other => throw new FormatException($"{where}: '\\{other}' is not an escape of the format."),
            });
        }

        return text.ToString();
    }

    /// <summary>Buckets per series: ascending bounds ending at +Inf, cumulative counts, +Inf equal to _count.</summary>
    private static void CheckHistogram(Family family)
    {
        string Key(Sample s) => string.Join(",", s.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key).Select(l => $"{l.Key}={l.Value}"));
        foreach (var series in family.Samples.GroupBy(Key))
        {
            var buckets = series.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).ToList();
            Require(buckets.Count > 0 && buckets.All(b => b.Labels.ContainsKey("le")), $"{family.Name}{{{series.Key}}}: buckets need 'le'.");
            var bounds = buckets.Select(b => b.Labels["le"] == "+Inf" ? double.PositiveInfinity : double.Parse(b.Labels["le"], CultureInfo.InvariantCulture)).ToList();
            Require(double.IsPositiveInfinity(bounds[^1]), $"{family.Name}{{{series.Key}}}: the last bucket is le=\"+Inf\".");
            for (var i = 1; i < buckets.Count; i++)
            {
                Require(bounds[i] > bounds[i - 1], $"{family.Name}{{{series.Key}}}: bucket bounds ascend.");
                Require(buckets[i].Value >= buckets[i - 1].Value, $"{family.Name}{{{series.Key}}}: bucket counts are cumulative.");
            }

            var count = series.SingleOrDefault(s => s.Name == family.Name + "_count") ?? throw new FormatException($"{family.Name}{{{series.Key}}}: no _count.");
            Require(series.Any(s => s.Name == family.Name + "_sum"), $"{family.Name}{{{series.Key}}}: no _sum.");
            Require(count.Value == buckets[^1].Value, $"{family.Name}{{{series.Key}}}: _count differs from the +Inf bucket.");
        }
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new FormatException(problem);
        }
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)( -?\d+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(\\.|[^""\\])*)""")]
    private static partial Regex LabelPair();
}
