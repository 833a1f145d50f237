namespace WebhookPortal.ReliabilityTests.Support;

/// <summary>
/// The crash, fault and load tests: each starts real processes or a loaded app and takes seconds to minutes, so
/// they run one after another (never two of them at once), which keeps their bounded waits honest.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SlowTests
{
    public const string Name = "Slow reliability tests";
}
