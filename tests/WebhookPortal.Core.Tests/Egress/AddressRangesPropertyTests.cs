using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using WebhookPortal.Core.Egress;

namespace WebhookPortal.Core.Tests.Egress;

/// <summary>
/// Random addresses, from a seeded generator so a failure can be replayed: every address drawn from a
/// refused range (or an IPv6 form carrying one) is refused, and every public one passes.
/// </summary>
public sealed class AddressRangesPropertyTests
{
    private const int Seed = 20261121;

    // The ranges as the issue and RFC 6890 list them, written down here independently of the code under test.
    private static readonly IPNetwork[] RefusedIPv4 = Networks(
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
        "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
        "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");

    private static readonly IPNetwork[] RefusedIPv6 = Networks(
        "::/128", "::1/128", "fe80::/10", "fec0::/10", "fc00::/7", "ff00::/8", "100::/64", "2001:db8::/32",
        "2001:2::/48", "2001:10::/28", "2001:20::/28", "3fff::/20");

    // Public IPv6 is drawn from 2000::/3 outside these (the refused ones, and the forms that carry IPv4).
    private static readonly IPNetwork[] NotPlainIPv6 = [.. RefusedIPv6, .. Networks("2001::/32", "2002::/16")];

    [Fact]
    public void Refused_RefusesEveryAddressDrawnFromARefusedRange()
    {
        var random = new Random(Seed);
        var clock = Stopwatch.StartNew();
        var drawn = 0;
        for (var i = 0; i < 5_000; i++)
        {
            foreach (var network in RefusedIPv4)
            {
                AssertRefused(Within(random, network));
                drawn++;
            }
        }

        for (var i = 0; i < 4_000; i++)
        {
            foreach (var network in RefusedIPv6)
            {
                AssertRefused(Within(random, network));
                drawn++;
            }

            var carried = Within(random, RefusedIPv4[random.Next(RefusedIPv4.Length)]);
            foreach (var form in Carriers(random, carried))
            {
                AssertRefused(form);
                drawn++;
            }
        }

        Assert.True(drawn >= 100_000, $"only {drawn} addresses were drawn");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{drawn} addresses took {clock.Elapsed}");
    }

    [Fact]
    public void Refused_PassesEveryPublicAddressDrawnAtRandom()
    {
        var random = new Random(Seed);
        var checkedCount = 0;
        while (checkedCount < 10_000)
        {
            var ipv4 = Within(random, IPNetwork.Parse("0.0.0.0/0"));
            if (!RefusedIPv4.Any(network => network.Contains(ipv4)))
            {
                AssertPublic(ipv4);
                foreach (var form in Carriers(random, ipv4))
                {
                    AssertPublic(form);
                }

                checkedCount++;
            }

            var ipv6 = Within(random, IPNetwork.Parse("2000::/3"));
            if (!NotPlainIPv6.Any(network => network.Contains(ipv6)))
            {
                AssertPublic(ipv6);
            }
        }
    }

    /// <summary>Every IPv6 form that carries the IPv4 address, the variable parts filled at random.</summary>
    private static IEnumerable<IPAddress> Carriers(Random random, IPAddress ipv4)
    {
        var v4 = (UInt128)BinaryPrimitives.ReadUInt32BigEndian(ipv4.GetAddressBytes());
        yield return ipv4.MapToIPv6();
        if (v4 > 1)
        {
            yield return ToAddress(v4); // IPv4-compatible (:: and ::1 are themselves)
        }

        yield return ToAddress(Prefix("64:ff9b::") | v4);
        yield return ToAddress(Prefix("64:ff9b:1::") | (RandomBits(random) & Mask(48, 96)) | v4);
        yield return ToAddress(Prefix("2002::") | (v4 << 80) | (RandomBits(random) & Mask(48, 128)));
        yield return ToAddress(Prefix("2001::") | (RandomBits(random) & Mask(32, 96)) | (~v4 & uint.MaxValue));
    }

    private static void AssertRefused(IPAddress address) =>
        Assert.True(AddressRanges.Refused(address) is not null, $"{address} (seed {Seed}) was not refused");

    private static void AssertPublic(IPAddress address) =>
        Assert.True(AddressRanges.Refused(address) is null, $"{address} (seed {Seed}) was refused as {AddressRanges.Refused(address)}");

    private static IPAddress Within(Random random, IPNetwork network)
    {
        var width = network.BaseAddress.GetAddressBytes().Length * 8;
        var hostBits = RandomBits(random) & Mask(network.PrefixLength + 128 - width, 128);
        var bytes = network.BaseAddress.GetAddressBytes();
        if (width == 32)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, BinaryPrimitives.ReadUInt32BigEndian(bytes) | (uint)hostBits);
            return new IPAddress(bytes);
        }

        return ToAddress(BinaryPrimitives.ReadUInt128BigEndian(bytes) | hostBits);
    }

    /// <summary>The bits from position <paramref name="from"/> up to <paramref name="to"/>, counted from the left of 128.</summary>
    private static UInt128 Mask(int from, int to) =>
        from >= to ? UInt128.Zero : (UInt128.MaxValue >> from) & ~(to >= 128 ? UInt128.Zero : UInt128.MaxValue >> to);

    private static UInt128 RandomBits(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    private static UInt128 Prefix(string address) => BinaryPrimitives.ReadUInt128BigEndian(IPAddress.Parse(address).GetAddressBytes());

    private static IPAddress ToAddress(UInt128 value)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return new IPAddress(bytes);
    }

    private static IPNetwork[] Networks(params string[] cidrs) => cidrs.Select(IPNetwork.Parse).ToArray();
}
