using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace WebhookPortal.Core.Egress;

/// <summary>
/// One row of <see cref="AddressRanges"/>: a network held as a 128-bit number (IPv4 in the low 32 bits),
/// what to call an address in it, and for IPv6 forms that carry an IPv4 address, where that address sits.
/// </summary>
internal readonly record struct AddressRange(UInt128 Network, int Prefix, int Width, string? Reason, AddressEmbedding Embedding, bool IsMetadata)
{
    public static AddressRange Refused(string cidr, string reason, bool isMetadata = false) =>
        Parse(cidr, reason, AddressEmbedding.None, isMetadata);

    /// <summary>A range judged by the IPv4 address its members carry, not by itself.</summary>
    public static AddressRange Carrying(string cidr, AddressEmbedding embedding) =>
        Parse(cidr, null, embedding, isMetadata: false);

    public bool Contains(UInt128 value)
    {
        var shift = Width - Prefix;
        return shift >= Width || value >> shift == Network >> shift;
    }

    /// <summary>The IPv4 address an IPv6 address of this range leads to.</summary>
    public uint CarriedIPv4(UInt128 value) => Embedding switch
    {
        AddressEmbedding.SixToFour => (uint)(value >> 80),
        // Teredo stores the client's address with every bit inverted, so NAT cannot rewrite it.
        AddressEmbedding.Teredo => ~(uint)value,
        _ => (uint)value,
    };

    public static UInt128 ToNumber(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return written == 4 ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    private static AddressRange Parse(string cidr, string? reason, AddressEmbedding embedding, bool isMetadata)
    {
        var network = IPNetwork.Parse(cidr);
        var width = network.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        return new AddressRange(ToNumber(network.BaseAddress), network.PrefixLength, width, reason, embedding, isMetadata);
    }
}
