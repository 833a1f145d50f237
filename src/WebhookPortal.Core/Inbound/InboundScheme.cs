namespace WebhookPortal.Core.Inbound;

/// <summary>How an inbound source proves that a request comes from the sender it claims to be.</summary>
public enum InboundScheme
{
    /// <summary>
    /// The Standard Webhooks specification (standardwebhooks.com): <c>webhook-id</c>, <c>webhook-timestamp</c>
    /// and <c>webhook-signature</c>, HMAC-SHA256 with a <c>whsec_</c> secret. Svix and the providers built on it use it.
    /// </summary>
    StandardWebhooks,

    /// <summary>GitHub's <c>X-Hub-Signature-256</c>: hex HMAC-SHA256 of the body with the secret set at GitHub.</summary>
    GitHub,

    /// <summary>Stripe's <c>Stripe-Signature</c>: a timestamp and hex HMAC-SHA256 signatures with the endpoint's signing secret.</summary>
    Stripe,

    /// <summary>A header chosen by the admin that must hold the secret itself, for senders that cannot sign.</summary>
    SharedSecret,
}
