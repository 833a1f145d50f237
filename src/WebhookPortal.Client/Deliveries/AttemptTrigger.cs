namespace WebhookPortal.Client;

/// <summary>What started an attempt.</summary>
public enum AttemptTrigger
{
    /// <summary>The first attempt, or a retry from the schedule.</summary>
    Scheduled,

    /// <summary>A person asked for one more attempt now.</summary>
    Manual,

    /// <summary>A replay of a finished delivery (one or in bulk).</summary>
    Replay,
}
