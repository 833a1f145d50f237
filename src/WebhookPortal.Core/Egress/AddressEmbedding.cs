namespace WebhookPortal.Core.Egress;

/// <summary>How an IPv6 address carries an IPv4 address; the words are how a refusal names the form.</summary>
internal enum AddressEmbedding
{
    None,
    Mapped,
    Compatible,
    Nat64,
    SixToFour,
    Teredo,
}
