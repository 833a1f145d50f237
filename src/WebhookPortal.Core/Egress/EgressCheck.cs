using System.Net;
using System.Net.Sockets;

namespace WebhookPortal.Core.Egress;

/// <summary>
/// The check a listener save runs on its URL: would deliveries to it be refused, as things stand now?
/// It only warns — DNS answers change, and a URL may be saved before its host exists — and the
/// connector checks again at every delivery, whatever was said here.
/// </summary>
public sealed class EgressCheck(EgressPolicy policy, IHostResolver resolver)
{
    /// <summary>How long a save waits for DNS before it says the host does not resolve now.</summary>
    internal TimeSpan ResolveTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>A sentence for the person saving the listener, or null when deliveries to the URL may go ahead.</summary>
    public async Task<string?> WarningAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.IdnHost))
        {
            return null; // not a URL at all: the listener's validation has already said so
        }

        var host = uri.IdnHost;
        var addresses = AddressChoice.Literal(host) is { } literal ? [literal] : await ResolveAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            return $"{host} does not resolve now; deliveries fail until it does.";
        }

        var choice = policy.Choose(addresses);
        return choice.Allowed is null ? $"Deliveries to this URL will be refused: {choice.Explain(host)}." : null;
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ResolveTimeout);
        try
        {
            // WaitAsync bounds the wait even where a resolver does not honour cancellation.
            return await resolver.ResolveAsync(host, timeout.Token).WaitAsync(timeout.Token);
        }
        catch (Exception e) when (e is SocketException or ArgumentException
                                  || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return [];
        }
    }
}
