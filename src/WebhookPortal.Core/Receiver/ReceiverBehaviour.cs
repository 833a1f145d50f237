using System.Globalization;
using Microsoft.Extensions.Primitives;
using WebhookPortal.Core.Common;

namespace WebhookPortal.Core.Receiver;

/// <summary>
/// How the built-in receiver is asked to answer, from the query of the URL it is called at: a status
/// (<c>?status=503</c>), failing the first calls (<c>?fail=3</c>), waiting (<c>?delay=2000</c>), a
/// <c>Retry-After</c> header (<c>?retryAfter=7</c>) and the listener whose secret checks the signature
/// (<c>?listener=lst_…</c>). A listener's URL carries these, so every delivery to it misbehaves alike.
/// </summary>
/// <param name="Status">The status to answer once any failing calls are over; null: 200.</param>
/// <param name="Fail">How many calls with this same setting answer 500 before the others answer normally; 0: none.</param>
public sealed record ReceiverBehaviour(int? Status, int Fail, TimeSpan Delay, int? RetryAfterSeconds, string? ListenerId)
{
    public const int MinStatus = 200;
    public const int MaxStatus = 599;
    public const int MaxFail = 1_000;
    public const int MaxDelayMilliseconds = 60_000;
    public const int MaxRetryAfterSeconds = 86_400;
    private const int MaxListenerIdLength = 100;

    public static readonly ReceiverBehaviour Normal = new(null, 0, TimeSpan.Zero, null, null);

    /// <summary>Reads the query; parameters it does not know are ignored, so a URL may carry its own.</summary>
    public static ServiceResult<ReceiverBehaviour> Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var values = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, given) in query)
        {
            values[name] = values.TryGetValue(name, out var earlier) ? StringValues.Concat(earlier, given) : given;
        }

        var errors = new FieldErrors();
        // 1xx is not a final answer in HTTP, so the range starts at 200.
        var status = Number(values, "status", MinStatus, MaxStatus, errors);
        var fail = Number(values, "fail", 0, MaxFail, errors);
        var delay = Number(values, "delay", 0, MaxDelayMilliseconds, errors);
        var retryAfter = Number(values, "retryAfter", 0, MaxRetryAfterSeconds, errors);
        var listener = Single(values, "listener", errors);
        if (listener is { Length: 0 or > MaxListenerIdLength })
        {
            errors.Add("listener", $"Give the id of a listener, such as lst_01jd8x2k3m4n5p6q7r8s9t0v1w (at most {MaxListenerIdLength} characters).");
        }

        return errors.Any
            ? ServiceError.Invalid("The receiver cannot answer as asked", errors.ToDictionary())
            : ServiceResult<ReceiverBehaviour>.Ok(
                new ReceiverBehaviour(status, fail ?? 0, TimeSpan.FromMilliseconds(delay ?? 0), retryAfter, listener));
    }

    private static int? Number(Dictionary<string, StringValues> values, string name, int min, int max, FieldErrors errors)
    {
        if (Single(values, name, errors) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors.Add(name, $"{name} must be a whole number from {min} to {max}, not '{text}'.");
        return null;
    }

    private static string? Single(Dictionary<string, StringValues> values, string name, FieldErrors errors)
    {
        if (!values.TryGetValue(name, out var given) || given.Count == 0)
        {
            return null;
        }

        if (given.Count > 1)
        {
            errors.Add(name, $"{name} is given {given.Count} times; give it once.");
            return null;
        }

        return given[0]?.Trim() ?? "";
    }
}
