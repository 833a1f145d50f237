namespace WebhookPortal.Client;

/// <summary>Why an attempt did not succeed.</summary>
public enum AttemptErrorKind
{
    /// <summary>It succeeded: the receiver answered 2xx.</summary>
    None,

    /// <summary>No complete answer within the connect or request timeout.</summary>
    Timeout,

    /// <summary>The receiver's host refused the connection.</summary>
    ConnectionRefused,

    /// <summary>The host name did not resolve; nothing was sent.</summary>
    DnsFailure,

    /// <summary>The TLS handshake failed.</summary>
    TlsError,

    /// <summary>The destination is in a network the portal's egress rules refuse; nothing was sent.</summary>
    BlockedDestination,

    /// <summary>The receiver answered, but not with 2xx (redirects included: they are not followed).</summary>
    HttpError,

    /// <summary>The connection broke another way (reset, closed early).</summary>
    ConnectionError,
}
