using WebhookPortal.Core.Inbound;

namespace WebhookPortal.Web.Components.Pages.Sources;

/// <summary>The verification schemes as the portal names them to people.</summary>
public static class SchemeText
{
    /// <summary>What the one-time secret dialog says a source's secret is for.</summary>
    public const string SecretPurpose =
        "Give it to the sender together with the endpoint URL; only requests signed with it are accepted.";

    /// <summary>The dropdown's choices: a type with properties, since the dropdown reads them by name.</summary>
    public static readonly IReadOnlyList<Choice> Choices = Enum.GetValues<InboundScheme>().Select(s => new Choice(s, Name(s))).ToList();

    public static string Name(InboundScheme scheme) => scheme switch
    {
        InboundScheme.StandardWebhooks => "Standard Webhooks",
        InboundScheme.GitHub => "GitHub",
        InboundScheme.Stripe => "Stripe",
        _ => "Shared secret header",
    };

    /// <summary>The reason codes of refused requests, in words.</summary>
    public static string Reason(RejectionReason reason) => reason switch
    {
        RejectionReason.MissingHeader => "Missing header",
        RejectionReason.MalformedHeader => "Malformed header",
        RejectionReason.SignatureMismatch => "Signature mismatch",
        RejectionReason.TimestampOutsideTolerance => "Timestamp out of tolerance",
        RejectionReason.PayloadTooLarge => "Body too large",
        _ => "Not a JSON object",
    };

    public sealed record Choice(InboundScheme Value, string Text);
}
