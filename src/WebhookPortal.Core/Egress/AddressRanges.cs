using System.Net;
using System.Net.Sockets;

namespace WebhookPortal.Core.Egress;

/// <summary>
/// The addresses a webhook is not sent to unless configuration allows it, named in words a person
/// understands. Everything that is not public unicast is refused: a receiver on the internet never
/// needs loopback, a private network or a cloud metadata service, and a listener URL that leads there
/// is how a webhook sender is turned against the network it runs in (server-side request forgery).
/// </summary>
/// <remarks>
/// <para>IPv6 forms that carry an IPv4 address — IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96 and the
/// local-use 64:ff9b:1::/48, read with the /96 layout), 6to4 and Teredo (the client) — are judged by the
/// IPv4 address they lead to, and a refusal names the form ("an IPv4-mapped loopback address").</para>
/// <para>The documentation ranges (TEST-NET-1/2/3, 2001:db8::/32, 3fff::/20) are refused as well: no
/// receiver lives there, so such an address is a mistake or a probe, and refusing it costs nothing.
/// So is IPv6 outside the global unicast block 2000::/3, where nothing public is assigned.</para>
/// </remarks>
public static class AddressRanges
{
    private const string Private = "a private network address (RFC 1918)";
    private const string Metadata = "the cloud metadata address";
    private const string Documentation = "a documentation address";
    private const string ReservedIPv6 = "a reserved IPv6 address (outside the global unicast block 2000::/3)";

    // First match wins: the metadata addresses come before the ranges that hold them.
    private static readonly AddressRange[] IPv4 =
    [
        AddressRange.Refused("0.0.0.0/8", "an unspecified address"),
        AddressRange.Refused("10.0.0.0/8", Private),
        AddressRange.Refused("100.100.100.200/32", Metadata, isMetadata: true), // Alibaba Cloud
        AddressRange.Refused("100.64.0.0/10", "a shared address (carrier-grade NAT, RFC 6598)"),
        AddressRange.Refused("127.0.0.0/8", "a loopback address"),
        AddressRange.Refused("169.254.169.254/32", Metadata, isMetadata: true), // AWS, Azure, Google Cloud, OpenStack…
        AddressRange.Refused("169.254.170.2/32", Metadata, isMetadata: true), // Amazon ECS task credentials
        AddressRange.Refused("169.254.0.0/16", "a link-local address"),
        AddressRange.Refused("172.16.0.0/12", Private),
        AddressRange.Refused("192.0.0.0/24", "an IETF protocol assignment address (192.0.0.0/24)"),
        AddressRange.Refused("192.0.2.0/24", Documentation + " (TEST-NET-1)"),
        AddressRange.Refused("192.88.99.0/24", "a 6to4 relay anycast address (deprecated, RFC 7526)"),
        AddressRange.Refused("192.168.0.0/16", Private),
        AddressRange.Refused("198.18.0.0/15", "a benchmarking address (RFC 2544)"),
        AddressRange.Refused("198.51.100.0/24", Documentation + " (TEST-NET-2)"),
        AddressRange.Refused("203.0.113.0/24", Documentation + " (TEST-NET-3)"),
        AddressRange.Refused("224.0.0.0/4", "a multicast address"),
        AddressRange.Refused("255.255.255.255/32", "a broadcast address"),
        AddressRange.Refused("240.0.0.0/4", "a reserved address (240.0.0.0/4)"),
    ];

    private static readonly AddressRange[] IPv6 =
    [
        AddressRange.Refused("::/128", "an unspecified address"),
        AddressRange.Refused("::1/128", "a loopback address"),
        AddressRange.Carrying("::ffff:0:0/96", AddressEmbedding.Mapped),
        AddressRange.Carrying("::/96", AddressEmbedding.Compatible),
        AddressRange.Carrying("64:ff9b::/96", AddressEmbedding.Nat64),
        AddressRange.Carrying("64:ff9b:1::/48", AddressEmbedding.Nat64),
        AddressRange.Refused("100::/64", "a discard-only address (RFC 6666)"),
        AddressRange.Carrying("2001::/32", AddressEmbedding.Teredo),
        AddressRange.Refused("2001:2::/48", "a benchmarking address (RFC 5180)"),
        AddressRange.Refused("2001:10::/28", "an ORCHID identifier, which is not routable"),
        AddressRange.Refused("2001:20::/28", "an ORCHID identifier, which is not routable"),
        AddressRange.Refused("2001:db8::/32", Documentation),
        AddressRange.Carrying("2002::/16", AddressEmbedding.SixToFour),
        AddressRange.Refused("3fff::/20", Documentation),
        AddressRange.Refused("fd00:ec2::254/128", Metadata, isMetadata: true), // AWS over IPv6
        AddressRange.Refused("fc00::/7", "a unique local IPv6 address"),
        AddressRange.Refused("fe80::/10", "a link-local address"),
        AddressRange.Refused("fec0::/10", "a site-local IPv6 address"),
        AddressRange.Refused("ff00::/8", "a multicast address"),
    ];

    // Everything public in IPv6 is assigned from here; the rest is reserved.
    private static readonly AddressRange GlobalUnicast = AddressRange.Refused("2000::/3", "a global unicast address");

    /// <summary>Null for a public unicast address; otherwise the refused range, such as "a loopback address".</summary>
    public static string? Refused(IPAddress address) => Classify(address)?.Reason;

    internal static RefusedAddress? Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var value = AddressRange.ToNumber(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return ClassifyIPv4((uint)value);
        }

        foreach (var range in IPv6)
        {
            if (!range.Contains(value))
            {
                continue;
            }

            if (range.Embedding == AddressEmbedding.None)
            {
                return new RefusedAddress(range.Reason!, range.IsMetadata, null);
            }

            var carried = range.CarriedIPv4(value);
            return ClassifyIPv4(carried) is { } refused
                ? new RefusedAddress(Name(range.Embedding, refused.Reason), refused.IsMetadata, new IPAddress(ToBytes(carried)))
                : null;
        }

        return GlobalUnicast.Contains(value) ? null : new RefusedAddress(ReservedIPv6, false, null);
    }

    private static RefusedAddress? ClassifyIPv4(uint value)
    {
        foreach (var range in IPv4)
        {
            if (range.Contains(value))
            {
                return new RefusedAddress(range.Reason!, range.IsMetadata, null);
            }
        }

        return null;
    }

    /// <summary>"a loopback address" carried in IPv4-mapped form is "an IPv4-mapped loopback address".</summary>
    private static string Name(AddressEmbedding embedding, string reason)
    {
        var form = embedding switch
        {
            AddressEmbedding.Mapped => "an IPv4-mapped",
            AddressEmbedding.Compatible => "an IPv4-compatible",
            AddressEmbedding.Nat64 => "a NAT64",
            AddressEmbedding.SixToFour => "a 6to4",
            _ => "a Teredo",
        };
        return $"{form} {reason[(reason.IndexOf(' ') + 1)..]}";
    }

    private static byte[] ToBytes(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
