using System.Text.Json;

namespace WebhookPortal.Core.Filters;

/// <summary><see cref="FilterOperator.Exists"/>: the field is present, null and empty arrays included.</summary>
internal sealed class ExistsFilter(MatchFilter definition) : CompiledFilter(definition)
{
    public override Verdict Evaluate(JsonElement payload) =>
        PayloadFields.Walk(payload, Definition.Field, out _) != Definition.Not ? Verdict.Passed : Verdict.Failed;

    public override string Explain(JsonElement payload, Verdict verdict)
    {
        var present = (verdict == Verdict.Passed) != Definition.Not;
        return present ? $"{Definition.Field} exists" : $"{Definition.Field} is missing";
    }

    public override string Requirement => Definition.Not ? $"{Definition.Field} is missing" : $"{Definition.Field} exists";
}
