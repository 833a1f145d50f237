using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Filters;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Listeners;

/// <summary>
/// Tries filters against a payload before they are saved, and says which filter failed and why.
/// The payload is first cut down to the hook's provided fields, exactly as a real delivery is.
/// </summary>
public sealed class FilterPreview(IDbContextFactory<PortalDbContext> contextFactory, IOptions<ListenerOptions> options)
{
    public const int MaxPayloadBytes = 256 * 1024;

    /// <summary>Runs the filters against the payload and words each outcome.</summary>
    /// <param name="payload">
    /// The JSON object's text; <c>null</c> (left out) tries the hook's sample payload. Text that is empty,
    /// not JSON or not an object is refused with a message under <c>payload</c>, never replaced by the sample.
    /// </param>
    public async Task<ServiceResult<MatchResult>> RunAsync(
        string? hookName, IReadOnlyList<MatchFilter> filters, string? payload, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hook = string.IsNullOrWhiteSpace(hookName)
            ? null
            : await db.Hooks.AsNoTracking().SingleOrDefaultAsync(h => h.Name == hookName.Trim(), cancellationToken);
        if (hook is null)
        {
            return ServiceError.NotFound("Hook not found", $"No hook is named '{hookName}'. GET /api/hooks lists the catalogue.");
        }

        var input = new ListenerInput(hook.Name, "https://preview.invalid/", null, true, [], filters);
        var errors = ListenerInputRules.Check(input, hook, options.Value.RegexTimeout);
        using var document = ParsePayload(payload ?? hook.SamplePayload, errors);
        if (errors.Any || document is null)
        {
            return ServiceError.Invalid("The preview cannot run", errors.ToDictionary());
        }

        using var provided = JsonDocument.Parse(PayloadFields.Project(document.RootElement, hook.ProvidedFields));
        return ServiceResult<MatchResult>.Ok(FilterSet.Compile(filters, options.Value.RegexTimeout).Explain(provided.RootElement));
    }

    private static JsonDocument? ParsePayload(string? payload, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(payload))
        {
            errors.Add("payload", "Paste a JSON payload to try the filters on, or use the hook's sample.");
            return null;
        }

        if (payload.Length > MaxPayloadBytes)
        {
            errors.Add("payload", $"The payload is larger than {MaxPayloadBytes / 1024} KB.");
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            errors.Add("payload", "The payload must be a JSON object ({ … }).");
        }
        catch (JsonException e)
        {
            errors.Add("payload", $"The payload is not valid JSON: {e.Message}");
        }

        return null;
    }
}
