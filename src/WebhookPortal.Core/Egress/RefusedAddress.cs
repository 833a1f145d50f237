using System.Net;

namespace WebhookPortal.Core.Egress;

/// <summary>
/// Why an address is refused by default: the range's name, whether it is a cloud metadata address (which
/// allowing private networks does not open), and the IPv4 address an IPv6 form leads to, if any.
/// </summary>
internal sealed record RefusedAddress(string Reason, bool IsMetadata, IPAddress? CarriedIPv4);
