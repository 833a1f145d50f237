namespace WebhookPortal.Core.Inbound;

/// <summary>What a scheme found: the request verifies, or why not in words safe to hand back to the sender.</summary>
internal sealed record Verification(RejectionReason? Reason, string Detail)
{
    public static readonly Verification Passed = new(null, "The signature verifies.");

    public bool Succeeded => Reason is null;

    public static Verification Failed(RejectionReason reason, string detail) => new(reason, detail);
}
