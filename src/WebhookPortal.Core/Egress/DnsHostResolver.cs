using System.Net;

namespace WebhookPortal.Core.Egress;

/// <summary>The operating system's resolver (hosts file, then DNS).</summary>
public sealed class DnsHostResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}
