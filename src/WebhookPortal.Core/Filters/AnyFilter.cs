using System.Text.Json;

namespace WebhookPortal.Core.Filters;

/// <summary><see cref="FilterOperator.Any"/>: passes whatever the payload holds, even without the field.</summary>
internal sealed class AnyFilter(MatchFilter definition) : CompiledFilter(definition)
{
    public override Verdict Evaluate(JsonElement payload) => Verdict.Passed;

    public override string Explain(JsonElement payload, Verdict verdict) => Requirement;

    public override string Requirement => $"{Definition.Field}: any value";
}
