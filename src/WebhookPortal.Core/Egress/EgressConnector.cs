using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Deliveries;

namespace WebhookPortal.Core.Egress;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of the delivery client: it resolves the host itself,
/// checks every address against <see cref="EgressPolicy"/> and connects to the first allowed address it
/// checked. The address checked is the address connected to, so a name that answers differently the next
/// time (DNS rebinding) cannot lead a delivery anywhere the check did not see.
/// </summary>
public sealed class EgressConnector(EgressPolicy policy, IHostResolver resolver, IOptions<DeliveryOptions> options)
{
    /// <exception cref="BlockedDestinationException">No address of the host may be called; nothing was sent.</exception>
    /// <exception cref="SocketException"><see cref="SocketError.HostNotFound"/> when the name does not resolve
    /// (fail closed), or the connect failure as it happened (refused, timed out, unreachable).</exception>
    public ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken) =>
        ConnectAsync(context.DnsEndPoint, cancellationToken);

    /// <summary>The same for a bare endpoint (a <see cref="SocketsHttpConnectionContext"/> cannot be made outside the handler).</summary>
    internal async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var host = endpoint.Host;
        var addresses = AddressChoice.Literal(host) is { } literal ? [literal] : await ResolveAsync(host, cancellationToken);
        var choice = policy.Choose(addresses);
        if (choice.Allowed is not { } address)
        {
            throw new BlockedDestinationException(choice.Explain(host));
        }

        // A mapped address was judged by the IPv4 address it carries; connect to that address itself.
        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.ConnectTimeoutSeconds));
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new SocketException((int)SocketError.TimedOut);
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
            addresses = await resolver.ResolveAsync(host, cancellationToken);
        }
        catch (Exception e) when (e is SocketException or ArgumentException)
        {
            throw new SocketException((int)SocketError.HostNotFound, $"{host} does not resolve: {e.Message}");
        }

        return addresses.Length > 0
            ? addresses
            : throw new SocketException((int)SocketError.HostNotFound, $"{host} resolves to no address.");
    }
}
