using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using WebhookPortal.Core.Filters;
using static WebhookPortal.Bench.Timings;

namespace WebhookPortal.Bench;

/// <summary>
/// One event of a hook matched against 10,000 listeners of that hook, the way the publisher does it:
/// how long a pass takes, what it allocates, and how long compiling the listeners' filters takes.
/// </summary>
internal sealed class MatchingBenchmark : IBenchmark
{
    private const int Listeners = 10_000;
    private const int WarmUpPasses = 20;
    private const int MeasuredPasses = 200;
    private const int CompileRounds = 5;
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    private const string Payload = """
        {"id":"ord_01JD8K2V9Q","status":"paid","amount":"149.90","total":149.9,"currency":"EUR","items":3,
        "channel":"web","customer":{"id":"cus_1932","name":"Jane Doe","email":"jane.doe@example.com",
        "country":"NL","tier":"gold"},"tags":["vip","newsletter"],"created_at":"2026-11-21T10:30:59Z"}
        """;

    public string Name => "matching";

    public string Description => $"one event against {Listeners:N0} listeners' compiled filters (1-3 filters each)";

    public void Run(TextWriter output)
    {
        using var payload = JsonDocument.Parse(Payload);
        var definitions = ListenerFilters.Generate(Listeners, seed: 20261121);
        var compile = Measure(CompileRounds, () => CompileAll(definitions));
        var sets = CompileAll(definitions);

        var matched = 0;
        void Pass()
        {
            matched = 0;
            foreach (var set in sets)
            {
                if (set.Matches(payload.RootElement))
                {
                    matched++;
                }
            }
        }

        for (var i = 0; i < WarmUpPasses; i++)
        {
            Pass();
        }

        // The compile rounds left garbage behind; collect it now so that its collection is not timed as matching.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        Pass();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var passes = Measure(MeasuredPasses, Pass);

        var filterCount = definitions.Sum(d => d.Length);
        var perListenerNs = passes.MedianMilliseconds * 1_000_000 / Listeners;
        output.WriteLine($"matching: one event ({Encoding.UTF8.GetByteCount(Payload.ReplaceLineEndings(""))} bytes) against {Listeners:N0} listeners, {filterCount:N0} filters ({Mix(definitions)})");
        output.WriteLine($"  machine               {Environment.ProcessorCount} cores, .NET {Environment.Version}; other load on it shows in the p99");
        output.WriteLine($"  listeners matched     {matched:N0}");
        output.WriteLine($"  pass, median          {Format(passes.MedianMilliseconds)} ms   ({passes.Count} passes after {WarmUpPasses} warm-up)");
        output.WriteLine($"  pass, p99             {Format(passes.Percentile(99))} ms");
        output.WriteLine($"  per listener, mean    {Format(perListenerNs, "0")} ns = {Format(perListenerNs / 1000)} µs   (target: well under 1 ms per listener; aim 1-10 µs)");
        output.WriteLine($"  allocated per pass    {allocated:N0} bytes ({Format((double)allocated / Listeners, "0.0")} bytes per listener)");
        output.WriteLine($"  compile {Listeners:N0} sets     median {Format(compile.MedianMilliseconds)} ms, slowest {Format(compile.Percentile(100))} ms   ({CompileRounds} rounds)");
        output.WriteLine($"  verdict               {(perListenerNs < 10_000 ? "within" : "OVER")} the 10 µs per listener aim");
        CompareRegexEngines(output, definitions, payload.RootElement);
    }

    private static FilterSet[] CompileAll(IReadOnlyList<MatchFilter[]> definitions) =>
        definitions.Select(d => FilterSet.Compile(d, RegexTimeout)).ToArray();

    private static string Mix(IReadOnlyList<MatchFilter[]> definitions)
    {
        var all = definitions.SelectMany(d => d).ToArray();
        var byOperator = all.GroupBy(f => f.Operator).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count() * 100 / all.Length}%");
        return string.Join(", ", byOperator) + $"; Not {all.Count(f => f.Not) * 100 / all.Length}%, ignoring case {all.Count(f => !f.CaseSensitive) * 100 / all.Length}%";
    }

    /// <summary>
    /// Why the engine builds interpreted patterns: the cost of RegexOptions.Compiled for this set's Like
    /// patterns, against what it saves per match on a field of this payload.
    /// </summary>
    private static void CompareRegexEngines(TextWriter output, IReadOnlyList<MatchFilter[]> definitions, JsonElement payload)
    {
        var patterns = definitions.SelectMany(d => d).Where(f => f.Operator == FilterOperator.Like).Select(f => f.Value!).ToArray();
        var text = payload.GetProperty("customer").GetProperty("email").GetString()!;
        foreach (var options in new[] { RegexOptions.CultureInvariant, RegexOptions.CultureInvariant | RegexOptions.Compiled })
        {
            // The timeout is wall-clock time: on a busy machine even a simple pattern can run past it, as in the engine.
            var timeouts = 0;
            void MatchAll(Regex[] regexes)
            {
                foreach (var regex in regexes)
                {
                    try
                    {
                        regex.IsMatch(text);
                    }
                    catch (RegexMatchTimeoutException)
                    {
                        timeouts++;
                    }
                }
            }

            var start = Stopwatch.GetTimestamp();
            var regexes = patterns.Select(p => new Regex(p, options, RegexTimeout)).ToArray();
            // The first match is part of getting ready: it JITs the code that RegexOptions.Compiled emitted.
            MatchAll(regexes);
            var build = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

            var match = Measure(50, () => MatchAll(regexes));
            var name = options.HasFlag(RegexOptions.Compiled) ? "Compiled" : "interpreted";
            output.WriteLine($"  Like, {name,-11}   build and first match of {patterns.Length:N0} patterns {Format(build, "0.0")} ms; " +
                             $"match each {Format(match.MedianMilliseconds * 1_000_000 / patterns.Length, "0")} ns; timeouts {timeouts}");
        }
    }
}
