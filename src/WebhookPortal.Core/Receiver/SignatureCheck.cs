namespace WebhookPortal.Core.Receiver;

/// <summary>The signature check of one received request, in words for the receiver's page.</summary>
/// <param name="ListenerId">The listener whose secret signed it, when one did.</param>
/// <param name="Text">The finding, such as "valid: signed by lst_… (current secret)".</param>
public sealed record SignatureCheck(SignatureOutcome Outcome, string? ListenerId, string Text)
{
    public bool IsValid => Outcome == SignatureOutcome.Valid;
}
