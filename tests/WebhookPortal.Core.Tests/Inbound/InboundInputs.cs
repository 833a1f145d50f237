using WebhookPortal.Core.Inbound;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Inbound;

/// <summary>Source input and ingest requests for tests on <see cref="CoreFixture"/>, whose hook the sources publish to.</summary>
internal static class InboundInputs
{
    public static InboundSourceInput Source(
        string name = "acme-pay", InboundScheme scheme = InboundScheme.StandardWebhooks, string? secret = null,
        string? headerName = null, string hook = CoreFixture.HookName, bool enabled = true) =>
        new(name, "Payments from Acme", scheme.ToString(), secret, headerName, hook, enabled);

    /// <summary>A request as the ingest endpoint hands it over; <paramref name="contentLength"/> -1 declares the body's length.</summary>
    public static InboundRequest Request(string body, long? contentLength = -1, params (string Name, string Value)[] headers)
    {
        var bytes = ProviderSignatures.Bytes(body);
        return new InboundRequest(InboundHeaders.Of(headers), new MemoryStream(bytes), contentLength == -1 ? bytes.Length : contentLength, "203.0.113.7");
    }
}
