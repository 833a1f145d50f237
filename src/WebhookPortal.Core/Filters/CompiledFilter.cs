using System.Text.Json;

namespace WebhookPortal.Core.Filters;

/// <summary>One validated filter with everything it needs precomputed, ready to run against many payloads.</summary>
internal abstract class CompiledFilter(MatchFilter definition)
{
    public MatchFilter Definition { get; } = definition;

    /// <summary>The hot path: no explanation, as little allocation as possible.</summary>
    public abstract Verdict Evaluate(JsonElement payload);

    /// <summary>The verdict in words for a person, field name first: <c>name does not start with 'J'</c>.</summary>
    public abstract string Explain(JsonElement payload, Verdict verdict);

    /// <summary>What the filter asks of a payload, in the same words: <c>name starts with 'J'</c>.</summary>
    public abstract string Requirement { get; }
}
