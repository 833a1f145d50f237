using System.Net.Sockets;
using System.Security.Authentication;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Egress;

namespace WebhookPortal.Core.Tests.Deliveries;

/// <summary>What went wrong on the wire becomes the error kind the delivery log shows, however deeply it is wrapped.</summary>
public sealed class AttemptErrorsTests
{
    public static TheoryData<Exception, AttemptErrorKind> Failures => new()
    {
        { Wrapped(new SocketException((int)SocketError.ConnectionRefused)), AttemptErrorKind.ConnectionRefused },
        { Wrapped(new SocketException((int)SocketError.HostNotFound)), AttemptErrorKind.DnsFailure },
        { Wrapped(new SocketException((int)SocketError.TimedOut)), AttemptErrorKind.Timeout },
        // The handler's own bound on setting up the connection surfaces as a cancellation inside the request's failure.
        { Wrapped(new TaskCanceledException("A task was canceled.")), AttemptErrorKind.Timeout },
        { Wrapped(new AuthenticationException("The remote certificate is invalid.")), AttemptErrorKind.TlsError },
        { Wrapped(new BlockedDestinationException("internal.example resolves to 10.0.0.5")), AttemptErrorKind.BlockedDestination },
        { new HttpRequestException(HttpRequestError.NameResolutionError), AttemptErrorKind.DnsFailure },
        { new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."), AttemptErrorKind.ConnectionError },
        { new IOException("Connection reset by peer"), AttemptErrorKind.ConnectionError },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Classify_NamesTheKindOfFailure_ThroughWrappingExceptions(Exception failure, AttemptErrorKind expected)
    {
        var (kind, message) = AttemptErrors.Classify(failure);

        Assert.Equal(expected, kind);
        Assert.False(string.IsNullOrWhiteSpace(message));
    }

    [Fact]
    public void Classify_KeepsTheBlockedDestinationsExplanation_SoTheAdminLearnsWhichSettingToChange()
    {
        var (_, message) = AttemptErrors.Classify(Wrapped(new BlockedDestinationException("internal.example resolves to 10.0.0.5, a private network address")));

        Assert.Equal("internal.example resolves to 10.0.0.5, a private network address", message);
    }

    private static HttpRequestException Wrapped(Exception inner) => new("An error occurred while sending the request.", inner);
}
