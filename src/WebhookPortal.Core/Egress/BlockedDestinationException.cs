namespace WebhookPortal.Core.Egress;

/// <summary>
/// A delivery was not sent because every address of its destination is refused by <see cref="EgressPolicy"/>.
/// Thrown before any connection is made; the message names the host, the address, the reason and the setting
/// that would allow it, so it can be shown with the attempt as it is.
/// </summary>
public sealed class BlockedDestinationException(string message) : Exception(message);
