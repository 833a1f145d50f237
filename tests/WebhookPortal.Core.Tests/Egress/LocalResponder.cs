using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WebhookPortal.Core.Tests.Egress;

/// <summary>
/// A TCP listener on a loopback address that counts the connections it accepts and answers every HTTP
/// request with an empty 200, so the connector can be watched from the other end.
/// </summary>
internal sealed class LocalResponder : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;
    private readonly List<EndPoint?> acceptedFrom = [];
    private int requests;

    public LocalResponder(IPAddress address, int port = 0)
    {
        listener = new TcpListener(address, port);
        listener.Start();
        accepting = AcceptAsync();
    }

    public IPAddress Address => ((IPEndPoint)listener.LocalEndpoint).Address;

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Requests => Volatile.Read(ref requests);

    /// <summary>
    /// Connections accepted so far, counted exactly: a connection of its own goes last in the accept queue,
    /// so once it is accepted (recognised by its own address and port) every earlier one has been too.
    /// </summary>
    public async Task<int> ConnectionsAsync()
    {
        EndPoint? markerEnd;
        using (var marker = new TcpClient(Address.AddressFamily))
        {
            await marker.ConnectAsync(Address, Port);
            markerEnd = marker.Client.LocalEndPoint;
        }

        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            lock (acceptedFrom)
            {
                var at = acceptedFrom.IndexOf(markerEnd);
                if (at >= 0)
                {
                    acceptedFrom.RemoveAt(at);
                    return acceptedFrom.Count;
                }
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"The responder on {Address}:{Port} did not accept its own marker connection within 5 s");
    }

    /// <summary>A port on 127.0.0.1 that nothing listens on.</summary>
    public static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (acceptedFrom)
            {
                acceptedFrom.Add(client.Client.RemoteEndPoint);
            }

            _ = AnswerAsync(client);
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var received = new StringBuilder();
                var buffer = new byte[4096];
                while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, stopping.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                Interlocked.Increment(ref requests);
                await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), stopping.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
                // The client went away or the test is over: nothing to answer.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting;
        stopping.Dispose();
    }
}
