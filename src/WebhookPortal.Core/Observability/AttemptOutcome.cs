namespace WebhookPortal.Core.Observability;

/// <summary>What became of a delivery once one of its attempts was recorded: the <c>outcome</c> of the metrics.</summary>
public enum AttemptOutcome
{
    /// <summary>The receiver answered 2xx: the delivery succeeded.</summary>
    Succeeded,

    /// <summary>The attempt failed and another is scheduled.</summary>
    Retrying,

    /// <summary>The attempt failed and its listener is disabled: the next attempt waits until it is enabled.</summary>
    Held,

    /// <summary>The attempt failed and its listener was deleted meanwhile: nothing more is sent.</summary>
    Cancelled,

    /// <summary>No more tries (or the receiver asked for none): the delivery failed for good, kept for replay.</summary>
    Dead,

    /// <summary>The lease had run out and another claim took the delivery over: the attempt is kept, the newer claim decides.</summary>
    Superseded,
}
