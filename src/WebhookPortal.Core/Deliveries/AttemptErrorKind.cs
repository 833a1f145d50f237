namespace WebhookPortal.Core.Deliveries;

/// <summary>Why an attempt did not succeed, in the words the delivery log uses.</summary>
public enum AttemptErrorKind
{
    /// <summary>The receiver answered 2xx.</summary>
    None = 0,

    /// <summary>No answer within the connect or request timeout.</summary>
    Timeout = 1,

    ConnectionRefused = 2,

    /// <summary>The host name did not resolve (a DNS error fails closed: nothing is sent).</summary>
    DnsFailure = 3,

    TlsError = 4,

    /// <summary>The destination resolves to a network the egress rules refuse (loopback, private, …).</summary>
    BlockedDestination = 5,

    /// <summary>The receiver answered, but not with 2xx (a redirect included: redirects are not followed).</summary>
    HttpError = 6,

    /// <summary>The connection broke in another way (reset, closed early, protocol error).</summary>
    ConnectionError = 7,
}
