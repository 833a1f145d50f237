namespace WebhookPortal.Core;

/// <summary>
/// The addresses the host's web server listens on, known only once it has started: a port 0 in <c>Urls</c> is
/// then the port the server got. The web host supplies them from its server; a host without one (the domain on
/// its own, in tests) has none.
/// </summary>
public sealed class ServerAddresses(Func<IEnumerable<string>> read)
{
    /// <summary>For a host that runs no web server.</summary>
    public static ServerAddresses None { get; } = new(() => []);

    /// <summary>The addresses as the server reports them now (<c>http://127.0.0.1:41235</c>, <c>http://[::]:5000</c>).</summary>
    public IReadOnlyCollection<string> Current => read().ToList();
}
