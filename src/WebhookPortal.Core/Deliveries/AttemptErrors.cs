using System.Net.Sockets;
using System.Security.Authentication;
using WebhookPortal.Core.Egress;

namespace WebhookPortal.Core.Deliveries;

/// <summary>Turns what went wrong while sending into the delivery log's error kinds and a sentence.</summary>
internal static class AttemptErrors
{
    public static (AttemptErrorKind Kind, string Message) Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case BlockedDestinationException blocked:
                    return (AttemptErrorKind.BlockedDestination, blocked.Message);
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return (AttemptErrorKind.ConnectionRefused, "The receiver refused the connection: nothing listens at that address and port.");
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain } dns:
                    return (AttemptErrorKind.DnsFailure, $"The host name could not be resolved ({dns.Message}); nothing was sent.");
                case SocketException { SocketErrorCode: SocketError.TimedOut }:
                case TimeoutException:
                    return (AttemptErrorKind.Timeout, "Connecting to the receiver timed out.");
                case OperationCanceledException:
                    // Inside a failed request (the sender's own cancellation is caught before): the handler's bound on
                    // resolving, connecting and the TLS handshake ran out.
                    return (AttemptErrorKind.Timeout, "Setting up the connection (name, connect, TLS handshake) timed out.");
                case AuthenticationException tls:
                    return (AttemptErrorKind.TlsError, $"The TLS handshake failed: {tls.Message}");
                case HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }:
                    return (AttemptErrorKind.DnsFailure, "The host name could not be resolved; nothing was sent.");
                case HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } secure:
                    return (AttemptErrorKind.TlsError, $"The TLS handshake failed: {secure.Message}");
            }
        }

        return (AttemptErrorKind.ConnectionError, $"The connection failed: {Innermost(exception).Message}");
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }
}
