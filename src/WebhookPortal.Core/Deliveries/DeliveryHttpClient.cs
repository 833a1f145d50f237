using System.Net;
using Microsoft.Extensions.Options;

namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// The one HttpClient deliveries go out through: redirects are not followed, bodies are not decompressed
/// by the handler (the sender decompresses within its limit), and every connection goes through the
/// egress check, so the address checked is the address connected to.
/// </summary>
public sealed class DeliveryHttpClient : IDisposable
{
    /// <param name="connect">Opens each connection: the egress connector, which checks the address it connects to.</param>
    public DeliveryHttpClient(
        IOptions<DeliveryOptions> options,
        Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> connect)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
            // The connector times the TCP connect itself (Delivery:ConnectTimeoutSeconds) and says so; this bound
            // covers name resolution, connect and TLS handshake together, so it must not fire first.
            ConnectTimeout = TimeSpan.FromSeconds(options.Value.ConnectTimeoutSeconds * 2 + 1),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            MaxResponseHeadersLength = 64,
            ConnectCallback = connect,
        };

        Client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}
