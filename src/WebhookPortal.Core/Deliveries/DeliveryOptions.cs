using System.ComponentModel.DataAnnotations;

namespace WebhookPortal.Core.Deliveries;

/// <summary>The <c>Delivery</c> section: how the dispatcher sends, retries and protects.</summary>
public sealed class DeliveryOptions : IValidatableObject
{
    public const string SectionName = "Delivery";

    /// <summary>Whether this portal sends deliveries. Off, events are still stored and queued, and another node (or a later start) sends them.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many requests may be in flight at once, over all listeners.</summary>
    [Range(1, 1024, ErrorMessage = "Delivery:Concurrency must be between 1 and 1024.")]
    public int Concurrency { get; set; } = 64;

    /// <summary>How many requests one listener may have in flight, so a slow receiver cannot take every sender.</summary>
    [Range(1, 256, ErrorMessage = "Delivery:PerListenerConcurrency must be between 1 and 256.")]
    public int PerListenerConcurrency { get; set; } = 4;

    /// <summary>How long a claimed delivery belongs to its sender; after that anyone may claim it again.</summary>
    [Range(2, 3_600, ErrorMessage = "Delivery:LeaseSeconds must be between 2 and 3600.")]
    public int LeaseSeconds { get; set; } = 60;

    [Range(1, 60, ErrorMessage = "Delivery:ConnectTimeoutSeconds must be between 1 and 60.")]
    public int ConnectTimeoutSeconds { get; set; } = 5;

    /// <summary>The whole request, from connecting to the last byte of the response that is kept.</summary>
    [Range(1, 600, ErrorMessage = "Delivery:RequestTimeoutSeconds must be between 1 and 600.")]
    public int RequestTimeoutSeconds { get; set; } = 15;

    /// <summary>How much of a response body is kept with an attempt, measured after decompression.</summary>
    [Range(0, 1_048_576, ErrorMessage = "Delivery:ResponseBodyLimitBytes must be between 0 and 1048576.")]
    public int ResponseBodyLimitBytes { get; set; } = 16 * 1024;

    /// <summary>The schedule after the Standard Webhooks example: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h.</summary>
    public static IReadOnlyList<int> DefaultRetrySchedule { get; } = [0, 5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400];

    /// <summary>
    /// Seconds before each attempt: the first number is the delay before the first attempt, and there
    /// are as many attempts as numbers. Empty: <see cref="DefaultRetrySchedule"/>. (Null by default, because
    /// configuration binds a list onto an existing array element by element and would keep its tail.)
    /// </summary>
    public int[]? RetrySchedule { get; set; }

    /// <summary>The schedule in force.</summary>
    public IReadOnlyList<int> Schedule => RetrySchedule is { Length: > 0 } configured ? configured : DefaultRetrySchedule;

    /// <summary>Each delay varies at random by up to this share, so retries of many deliveries do not arrive together.</summary>
    [Range(0, 50, ErrorMessage = "Delivery:JitterPercent must be between 0 and 50.")]
    public int JitterPercent { get; set; } = 20;

    /// <summary>After a timeout or a 429, the next attempt waits at least this long.</summary>
    [Range(0, 86_400, ErrorMessage = "Delivery:MinimumBackoffSeconds must be between 0 and 86400.")]
    public int MinimumBackoffSeconds { get; set; } = 60;

    /// <summary>
    /// Whether destinations on loopback, private and link-local networks may be called. Empty: only in
    /// the Development environment, where the portal's own receiver is a handy target.
    /// </summary>
    public bool? AllowPrivateNetworks { get; set; }

    /// <summary>Networks (CIDR, such as <c>10.20.0.0/16</c>) that may be called although they are private.</summary>
    public string[] AllowedNetworks { get; set; } = [];

    /// <summary>A listener is disabled after this many failures in a row…</summary>
    [Range(1, 1_000_000, ErrorMessage = "Delivery:DisableAfterFailures must be between 1 and 1000000.")]
    public int DisableAfterFailures { get; set; } = 100;

    /// <summary>…and only once it has been failing for at least this long.</summary>
    [Range(0, 8_760, ErrorMessage = "Delivery:DisableAfterHours must be between 0 and 8760.")]
    public int DisableAfterHours { get; set; } = 72;

    /// <summary>At shutdown, how long requests in flight may finish before their leases are given back.</summary>
    [Range(0, 300, ErrorMessage = "Delivery:ShutdownGraceSeconds must be between 0 and 300.")]
    public int ShutdownGraceSeconds { get; set; } = 10;

    /// <summary>The longest the dispatcher sleeps without a wake-up before it looks for due work anyway.</summary>
    [Range(1, 3_600, ErrorMessage = "Delivery:PollSeconds must be between 1 and 3600.")]
    public int PollSeconds { get; set; } = 5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetrySchedule is { } schedule && (schedule.Length > 100 || schedule.Any(delay => delay is < 0 or > 31_536_000)))
        {
            yield return new ValidationResult(
                "Delivery:RetrySchedule must list 1 to 100 delays in seconds, each between 0 and 31536000 (a year).",
                [nameof(RetrySchedule)]);
        }

        if (LeaseSeconds <= RequestTimeoutSeconds)
        {
            yield return new ValidationResult(
                $"Delivery:LeaseSeconds ({LeaseSeconds}) must be longer than Delivery:RequestTimeoutSeconds ({RequestTimeoutSeconds}), " +
                "or a delivery still being sent could be claimed and sent again.",
                [nameof(LeaseSeconds)]);
        }

        foreach (var network in AllowedNetworks)
        {
            if (!System.Net.IPNetwork.TryParse(network, out _))
            {
                yield return new ValidationResult(
                    $"Delivery:AllowedNetworks has '{network}', which is not a network in CIDR form such as 10.20.0.0/16 or fd00::/8.",
                    [nameof(AllowedNetworks)]);
            }
        }
    }
}
