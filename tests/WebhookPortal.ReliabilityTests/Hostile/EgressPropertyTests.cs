using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Egress;
using WebhookPortal.Core.Persistence;
using WebhookPortal.ReliabilityTests.Boundary;
using WebhookPortal.TestSupport;

namespace WebhookPortal.ReliabilityTests.Hostile;

/// <summary>
/// Egress through the app's own delivery client (its connect callback is the egress connector), with private networks
/// off as in production: 100,000+ random addresses from every refused range, handed out by the name server or written
/// in the URL, and not one connection is made; and a name that rebinds to loopback after passing the listener's check
/// is never reached by the delivery engine. Sockets on 127.0.0.1 and ::1 count what would have leaked.
/// </summary>
public sealed class EgressPropertyTests
{
    private const int Seed = 7_2026;

    // Written down here from RFC 6890 and the cloud providers' documentation, not copied from the code under test.
    private static readonly string[] RefusedIPv4 =
    [
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
        "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
        "224.0.0.0/4", "240.0.0.0/4", "255.255.255.255/32", "169.254.169.254/32", "100.100.100.200/32", "169.254.170.2/32",
    ];

    private static readonly string[] RefusedIPv6 =
    [
        "::/128", "::1/128", "fe80::/10", "fec0::/10", "fc00::/7", "fd00:ec2::254/128", "ff00::/8", "100::/64",
        "2001:db8::/32", "2001:2::/48", "2001:10::/28", "2001:20::/28", "3fff::/20", "4000::/2", "8000::/1", "::/3",
    ];

    [Fact]
    public async Task DeliveryClient_ConnectsNowhere_For100000RandomAddressesFromEveryRefusedRange()
    {
        await using var app = new PortalAppFactory().With("Delivery:AllowPrivateNetworks", "false");
        await using var v4 = new ConnectionCounter(IPAddress.Loopback);
        await using var v6 = new ConnectionCounter(IPAddress.IPv6Loopback, v4.Port);
        var client = app.Services.GetRequiredService<DeliveryHttpClient>().Client;
        var random = new Random(Seed);
        var answers = new List<IPAddress[]>();
        var perRange = new Dictionary<string, int>();
        while (answers.Count < 100_000)
        {
            // Every tenth answer is the loopback listener itself in one of its forms, so a leak is counted, not guessed.
            IPAddress[] answer = answers.Count % 10 == 0
                ? [LoopbackForms[random.Next(LoopbackForms.Length)]]
                : [.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Draw(random, perRange))];
            answers.Add(answer);
        }

        app.Resolver.Answer("target.example", [.. answers]);
        var literals = Enumerable.Range(0, 2_000).Select(_ => Draw(random, perRange)).ToList();
        var (blocked, other) = (0, new List<string>());
        var clock = Stopwatch.StartNew();

        foreach (var _ in answers)
        {
            Count(await TryAsync(client, $"http://target.example:{v4.Port}/hook"), ref blocked, other);
        }

        foreach (var literal in literals)
        {
            var host = literal.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{literal}]" : literal.ToString();
            Count(await TryAsync(client, $"http://{host}:{v4.Port}/hook"), ref blocked, other);
        }

        clock.Stop();
        Assert.Empty(other);
        Assert.Equal(answers.Count + literals.Count, blocked);
        Assert.Equal(answers.Count, app.Resolver.Lookups("target.example")); // one lookup per attempt, never a cached answer
        Assert.Equal(0, await v4.SettledAsync());
        Assert.Equal(0, await v6.SettledAsync());
        Assert.All(RefusedIPv4.Concat(RefusedIPv6), range => Assert.True(perRange.GetValueOrDefault(range) > 0, $"nothing drawn from {range}"));
        Console.WriteLine($"egress: {blocked:N0} requests ({answers.Sum(a => a.Length) + literals.Count:N0} addresses, " +
                          $"{perRange.Count} ranges and their IPv6 carriers) blocked, 0 connections, in {clock.Elapsed.TotalSeconds:N1} s");
    }

    /// <summary>
    /// The name passes the check when the listener is saved (its first answer is an allowed address; ::1 stands in for a
    /// public one, so nothing leaves the machine) and answers 127.0.0.1 ever after: the engine's deliveries are all
    /// recorded as blocked, and nothing reaches the loopback socket nor the address of the first answer.
    /// </summary>
    [Fact]
    public async Task DeliveryEngine_NeverReachesLoopback_WhenTheNameRebindsAfterTheListenerWasChecked()
    {
        await using var loopback = new ConnectionCounter(IPAddress.Loopback);
        await using var standIn = new ConnectionCounter(IPAddress.IPv6Loopback, loopback.Port);
        await using var app = new PortalAppFactory()
            .With("Delivery:Enabled", "true").With("Delivery:AllowPrivateNetworks", "false")
            .With("Delivery:AllowedNetworks:0", "::1/128").With("Delivery:PollSeconds", "1");
        app.Resolver.Answer("rebind.example", [IPAddress.IPv6Loopback], [IPAddress.Loopback]);
        using var api = app.CreateAdminClient();
        var created = await api.PostAsJsonAsync("/api/listeners", new { hook = "order.paid", url = $"http://rebind.example:{loopback.Port}/hooks" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var listener = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        Assert.False(listener.RootElement.TryGetProperty("warnings", out var warnings) && warnings.ValueKind == JsonValueKind.Array,
            "the first answer was allowed, so saving the listener gave no warning");
        var listenerId = listener.RootElement.GetProperty("id").GetString()!;

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsJsonAsync("/api/hooks/order.paid/events",
                new { id = i, customer = new { email = "x@example.com" }, amount = 1, currency = "EUR" })).StatusCode);
        }

        var attempts = await WaitForAttemptsAsync(app, listenerId, 20, TimeSpan.FromSeconds(60));
        Assert.All(attempts, kind => Assert.Equal(AttemptErrorKind.BlockedDestination, kind));
        Assert.Equal(0, await loopback.SettledAsync());
        Assert.Equal(0, await standIn.SettledAsync());
        Assert.True(app.Resolver.Lookups("rebind.example") >= 21);
    }

    private static async Task<List<AttemptErrorKind>> WaitForAttemptsAsync(PortalAppFactory app, string listenerId, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            var firstAttempts = await db.DeliveryAttempts.Where(a => a.Delivery.ListenerId == listenerId && a.Number == 1)
                .Select(a => a.ErrorKind).ToListAsync();
            if (firstAttempts.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.True(firstAttempts.Count >= count, $"only {firstAttempts.Count} of {count} deliveries were attempted in {timeout}");
                return firstAttempts;
            }

            await Task.Delay(200);
        }
    }

    private static readonly IPAddress[] LoopbackForms =
    [
        IPAddress.Loopback, IPAddress.IPv6Loopback, IPAddress.Parse("::ffff:127.0.0.1"), IPAddress.Parse("::127.0.0.1"),
        IPAddress.Parse("64:ff9b::7f00:1"), IPAddress.Parse("2002:7f00:1::1"),
    ];

    private static async Task<Exception?> TryAsync(HttpClient client, string url)
    {
        try
        {
            using var response = await client.GetAsync(url);
            return null;
        }
        catch (HttpRequestException e)
        {
            return e;
        }
    }

    private static void Count(Exception? outcome, ref int blocked, List<string> other)
    {
        if (outcome?.InnerException is BlockedDestinationException)
        {
            blocked++;
        }
        else if (other.Count < 20)
        {
            other.Add(outcome?.ToString() ?? "a response arrived");
        }
    }

    /// <summary>An address from a refused range chosen at random, plain or carried in an IPv6 form (mapped, NAT64, 6to4, Teredo).</summary>
    private static IPAddress Draw(Random random, Dictionary<string, int> perRange)
    {
        var ipv4 = random.Next(3) != 0;
        var ranges = ipv4 ? RefusedIPv4 : RefusedIPv6;
        var range = ranges[random.Next(ranges.Length)];
        perRange[range] = perRange.GetValueOrDefault(range) + 1;
        var address = Within(random, IPNetwork.Parse(range));
        if (!ipv4)
        {
            return address;
        }

        var v4 = address.GetAddressBytes();
        return random.Next(6) switch
        {
            0 => address.MapToIPv6(),
            1 => Carrying(random, "64:ff9b::", 0, v4, at: 12),
            2 => Carrying(random, "2002::", 6, v4, at: 2),
            3 => Carrying(random, "2001::", 4, v4.Select(b => (byte)~b).ToArray(), at: 12), // Teredo stores the client inverted
            _ => address,
        };
    }

    /// <summary>An IPv6 address of the prefix with the IPv4 bytes at <paramref name="at"/>, random bytes from <paramref name="randomFrom"/> elsewhere.</summary>
    private static IPAddress Carrying(Random random, string prefix, int randomFrom, byte[] v4, int at)
    {
        var bytes = IPAddress.Parse(prefix).GetAddressBytes();
        if (randomFrom > 0)
        {
            random.NextBytes(bytes.AsSpan(randomFrom));
        }

        v4.CopyTo(bytes, at);
        return new IPAddress(bytes);
    }

    /// <summary>The network's prefix bits kept, every host bit random.</summary>
    private static IPAddress Within(Random random, IPNetwork network)
    {
        var bytes = network.BaseAddress.GetAddressBytes();
        var noise = new byte[bytes.Length];
        random.NextBytes(noise);
        for (var i = 0; i < bytes.Length; i++)
        {
            var kept = Math.Clamp(network.PrefixLength - 8 * i, 0, 8);
            var mask = (byte)(0xFF << (8 - kept));
            bytes[i] = (byte)((bytes[i] & mask) | (noise[i] & ~mask));
        }

        return new IPAddress(bytes);
    }
}
