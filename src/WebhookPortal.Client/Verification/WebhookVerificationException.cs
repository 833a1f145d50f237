namespace WebhookPortal.Client;

/// <summary>A webhook failed verification; answer its sender with 400 or 401 and do not act on it.</summary>
public sealed class WebhookVerificationException : Exception
{
    /// <summary>Creates the exception for a refused webhook.</summary>
    /// <param name="result">The check's outcome, which says why.</param>
    public WebhookVerificationException(WebhookVerificationResult result)
        : base(result.Message)
    {
        Result = result;
    }

    /// <summary>Why it was refused.</summary>
    public WebhookVerificationFailure Failure => Result.Failure;

    /// <summary>The full outcome, with the id and timestamp when they could be read.</summary>
    public WebhookVerificationResult Result { get; }
}
