using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Common;

namespace WebhookPortal.Core.Events;

/// <summary>
/// "Send test event" in the portal: a hook's sample payload, or an edited one, published marked as a test to the
/// hook's matching listeners or to one listener alone. Admins only, like <c>POST /api/hooks/{name}/events</c>, and
/// held to the same size limit, <c>Events:MaxPayloadBytes</c>, counted in UTF-8 bytes as a request body is.
/// </summary>
public sealed class TestEventSender(EventPublisher publisher, IOptions<EventOptions> options)
{
    /// <summary>How a test event's origin reads in the event list.</summary>
    public const string OriginDetail = "test from the portal";

    public async Task<ServiceResult<PublishedEvent>> SendAsync(
        Actor actor, string hook, string? payload, string? onlyListenerId, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return ServiceError.Forbidden("Only admins send test events, as only admins publish events through the API.");
        }

        var (document, problem) = Read(payload);
        if (problem is not null)
        {
            return ServiceError.Invalid("The payload is not valid", new Dictionary<string, string[]> { ["payload"] = [problem] });
        }

        using (document)
        {
            return await publisher.PublishAsync(
                new PublishRequest(hook, document!.RootElement, EventOrigin.Test, OriginDetail, OnlyListenerId: onlyListenerId), cancellationToken);
        }
    }

    /// <summary>
    /// Null when the payload can be sent as far as its text goes: present, within the size limit, a JSON object.
    /// Otherwise what to fix. The rules on its values are the publisher's (<see cref="PayloadRules"/>).
    /// </summary>
    public string? CheckPayload(string? payload)
    {
        var (document, problem) = Read(payload);
        document?.Dispose();
        return problem;
    }

    /// <summary>The payload parsed once, or what to fix.</summary>
    private (JsonDocument? Document, string? Problem) Read(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload))
        {
            return (null, "Give a JSON payload, or start again from the hook's sample.");
        }

        var limit = options.Value.MaxPayloadBytes;
        var size = Encoding.UTF8.GetByteCount(payload);
        if (size > limit)
        {
            return (null, $"The payload is {size:N0} bytes; it may be at most {limit:N0} bytes (Events:MaxPayloadBytes). Remove what the test does not need.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, PayloadRules.ReaderOptions);
        }
        catch (JsonException e)
        {
            return (null, $"The payload is not valid JSON: {e.Message}");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return (null, "The payload must be a JSON object ({ … }).");
        }

        return (document, null);
    }
}
