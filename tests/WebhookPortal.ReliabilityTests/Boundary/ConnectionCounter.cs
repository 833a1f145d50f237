using System.Net;
using System.Net.Sockets;

namespace WebhookPortal.ReliabilityTests.Boundary;

/// <summary>
/// A socket listening on a loopback address that counts every TCP connection it accepts and closes it at once: where a
/// refused destination would be reached if the egress check let it through.
/// </summary>
public sealed class ConnectionCounter : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly Task accepting;
    private int accepted;

    public ConnectionCounter(IPAddress address, int port = 0)
    {
        listener = new TcpListener(address, port);
        listener.Start(1024);
        accepting = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Accepted => Volatile.Read(ref accepted);

    /// <summary>Connections so far; a connection of its own is made and awaited first, so none made before is still queued.</summary>
    public async Task<int> SettledAsync()
    {
        var before = Accepted;
        using (var probe = new TcpClient(listener.LocalEndpoint.AddressFamily))
        {
            await probe.ConnectAsync((IPEndPoint)listener.LocalEndpoint);
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Accepted == before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        return Interlocked.Decrement(ref accepted);
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        await accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref accepted);
            socket.Dispose();
        }
    }
}
