namespace WebhookPortal.Core.Deliveries;

/// <summary>What started an attempt.</summary>
public enum AttemptTrigger
{
    /// <summary>The first attempt, or a retry from the schedule.</summary>
    Scheduled = 0,

    /// <summary>A person asked for one more attempt now.</summary>
    Manual = 1,

    /// <summary>A replay of a finished delivery (one or in bulk).</summary>
    Replay = 2,
}
