using System.Net;
using System.Net.Sockets;
using WebhookPortal.Core.Egress;

namespace WebhookPortal.TestSupport;

/// <summary>
/// A resolver that never asks a name server, so no test leaves the machine through DNS: <c>localhost</c> is
/// 127.0.0.1, names given to <see cref="Answer"/> resolve as told, and every other name does not resolve.
/// </summary>
public sealed class StubHostResolver : IHostResolver
{
    private readonly Dictionary<string, Queue<IPAddress[]>> answers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> calls = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What the name resolves to, one answer per lookup in turn; the last answer then stays.</summary>
    public StubHostResolver Answer(string host, params IPAddress[][] successiveAnswers)
    {
        ArgumentOutOfRangeException.ThrowIfZero(successiveAnswers.Length);
        lock (answers)
        {
            answers[host] = new Queue<IPAddress[]>(successiveAnswers);
        }

        return this;
    }

    /// <summary>How many times the name was looked up.</summary>
    public int Lookups(string host)
    {
        lock (answers)
        {
            return calls.GetValueOrDefault(host);
        }
    }

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        lock (answers)
        {
            calls[host] = calls.GetValueOrDefault(host) + 1;
            if (answers.TryGetValue(host, out var queue))
            {
                return Task.FromResult(queue.Count > 1 ? queue.Dequeue() : queue.Peek());
            }
        }

        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            ? Task.FromResult(new[] { IPAddress.Loopback })
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
    }
}
