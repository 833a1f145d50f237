using System.Net;

namespace WebhookPortal.Core.Egress;

/// <summary>
/// Where the egress check and connector learn a host's addresses: DNS in the portal
/// (<see cref="DnsHostResolver"/>), a stub in tests, so that no test asks a real name server.
/// </summary>
public interface IHostResolver
{
    /// <summary>The host's addresses; a name that does not resolve throws <see cref="System.Net.Sockets.SocketException"/>.</summary>
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
