namespace WebhookPortal.Core.Deliveries;

/// <summary>A claimed delivery with what sending it needs: the payload and where and how to send it.</summary>
/// <param name="Secrets">The signing secrets: the current one, and the previous one during a rotation overlap.</param>
public sealed record DeliveryWork(
    ClaimedDelivery Claim,
    byte[] Payload,
    string Url,
    IReadOnlyList<string> Secrets,
    IReadOnlyList<Listeners.ListenerHeader> Headers);
