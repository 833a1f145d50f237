using System.Net;
using Microsoft.Extensions.Hosting;

namespace WebhookPortal.Core.Tests.Egress;

public sealed class EgressPolicyTests
{
    [Theory]
    [InlineData(false, "Production")]
    [InlineData(null, "Production")]
    [InlineData(true, "Production")]
    [InlineData(null, "Development")]
    public void Refusal_IsNull_ForAPublicAddress_WhateverTheSettings(bool? allowPrivateNetworks, string environment)
    {
        var policy = EgressSettings.Policy(allowPrivateNetworks, environment);

        Assert.Null(policy.Refusal(IPAddress.Parse("93.184.216.34")));
        Assert.Null(policy.Refusal(IPAddress.Parse("2606:4700:4700::1111")));
    }

    [Theory]
    [InlineData(null, "Production")]
    [InlineData(null, "Staging")]
    [InlineData(false, "Production")]
    [InlineData(false, "Development")]
    public void Refusal_NamesTheRangeAndTheSetting_WhenPrivateNetworksAreOff(bool? allowPrivateNetworks, string environment)
    {
        var policy = EgressSettings.Policy(allowPrivateNetworks, environment);

        Assert.Equal(
            "a private network address (RFC 1918); deliveries to private networks are turned off (Delivery:AllowPrivateNetworks) " +
            "and Delivery:AllowedNetworks does not include it",
            policy.Refusal(IPAddress.Parse("10.0.0.5")));
        Assert.StartsWith("a loopback address;", policy.Refusal(IPAddress.Loopback));
        Assert.StartsWith("an IPv4-mapped loopback address;", policy.Refusal(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.False(policy.AllowsPrivateNetworks);
    }

    [Theory]
    [InlineData(null, "Development")]
    [InlineData(true, "Development")]
    [InlineData(true, "Production")]
    public void Refusal_IsNull_ForLoopbackAndPrivateAddresses_WhenPrivateNetworksAreAllowed(bool? allowPrivateNetworks, string environment)
    {
        var policy = EgressSettings.Policy(allowPrivateNetworks, environment);

        Assert.True(policy.AllowsPrivateNetworks);
        foreach (var address in new[] { "127.0.0.1", "::1", "10.0.0.5", "192.168.1.20", "169.254.1.1", "fd12::1", "::ffff:10.1.1.1" })
        {
            Assert.Null(policy.Refusal(IPAddress.Parse(address)));
        }
    }

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("fd00:ec2::254")]
    [InlineData("100.100.100.200")]
    public void Refusal_KeepsTheMetadataAddressRefused_WhenPrivateNetworksAreAllowed(string address)
    {
        var policy = EgressSettings.Policy(true);

        var refusal = policy.Refusal(IPAddress.Parse(address));

        Assert.NotNull(refusal);
        Assert.Contains("cloud metadata address, which is refused even where private networks are allowed, unless Delivery:AllowedNetworks includes it", refusal);
    }

    [Fact]
    public void Refusal_OpensExactlyTheAllowedNetworks_WhenPrivateNetworksAreOff()
    {
        var policy = EgressSettings.Policy(false, Environments.Production, "10.20.0.0/16", "fd00:1234::/32", "127.0.0.1/32");

        foreach (var allowed in new[] { "10.20.0.0", "10.20.255.255", "::ffff:10.20.1.1", "fd00:1234::1", "127.0.0.1" })
        {
            Assert.Null(policy.Refusal(IPAddress.Parse(allowed)));
        }

        foreach (var refused in new[] { "10.19.255.255", "10.21.0.0", "fd00:1235::1", "127.0.0.2", "::1", "169.254.169.254" })
        {
            Assert.NotNull(policy.Refusal(IPAddress.Parse(refused)));
        }
    }

    [Fact]
    public void Refusal_IsNull_ForTheMetadataAddress_WhenAnAllowedNetworkIncludesIt()
    {
        var policy = EgressSettings.Policy(true, Environments.Production, "169.254.169.254/32");

        Assert.Null(policy.Refusal(IPAddress.Parse("169.254.169.254")));
    }
}
