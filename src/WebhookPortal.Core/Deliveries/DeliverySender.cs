using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// One attempt: POST the payload, signed, with the listener's headers; never follow a redirect; keep at
/// most the configured part of the answer; say what went wrong in the delivery log's terms. It never
/// throws for anything the receiver or the network does.
/// </summary>
public sealed class DeliverySender(DeliveryHttpClient http, IOptions<DeliveryOptions> options, TimeProvider clock)
{
    private const string UserAgent = "WebhookPortal/1.0";

    public async Task<SentAttempt> SendAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var startedAt = clock.GetUtcNow();
        var timestamp = startedAt.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, work.Url) { Content = new ByteArrayContent(work.Payload) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        foreach (var header in work.Headers)
        {
            request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        }

        request.Headers.TryAddWithoutValidation("webhook-id", work.Claim.Id);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("webhook-signature", WebhookSignature.Sign(work.Claim.Id, timestamp, work.Payload, work.Secrets));

        var attempt = new DeliveryAttempt
        {
            DeliveryId = work.Claim.Id,
            Number = work.Claim.AttemptNumber,
            Trigger = work.Claim.Trigger,
            TriggeredBy = work.Claim.TriggeredBy,
            StartedAt = startedAt,
            RequestUrl = work.Url,
            RequestHeaders = AttemptHeaders.Redacted(request),
        };

        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.RequestTimeoutSeconds));
        AttemptResult result;
        try
        {
            using var response = await http.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            attempt.ResponseStatus = (int)response.StatusCode;
            attempt.ResponseHeaders = AttemptHeaders.Of(response);
            (attempt.ResponseBody, attempt.ResponseBodyTruncated) =
                await ResponseBody.ReadAsync(response.Content, settings.ResponseBodyLimitBytes, timeout.Token);
            result = Judge(response, attempt, clock.GetUtcNow());
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            attempt.ErrorMessage = $"No complete answer within {settings.RequestTimeoutSeconds} s (Delivery:RequestTimeoutSeconds).";
            result = new AttemptResult(AttemptErrorKind.Timeout, attempt.ResponseStatus);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException)
        {
            (var kind, attempt.ErrorMessage) = AttemptErrors.Classify(e);
            result = new AttemptResult(kind, attempt.ResponseStatus);
        }

        attempt.ErrorKind = result.ErrorKind;
        attempt.DurationMilliseconds = (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds);
        return new SentAttempt(work, attempt, result, clock.GetUtcNow());
    }

    private static AttemptResult Judge(HttpResponseMessage response, DeliveryAttempt attempt, DateTimeOffset now)
    {
        var status = (int)response.StatusCode;
        var abort = response.Headers.TryGetValues("webhook-delivery", out var values) &&
                    values.Any(v => v.Trim().Equals("abort", StringComparison.OrdinalIgnoreCase));
        if (status is >= 200 and < 300)
        {
            return new AttemptResult(AttemptErrorKind.None, status);
        }

        attempt.ErrorMessage = status is >= 300 and < 400
            ? $"The receiver answered {status} {response.ReasonPhrase}, a redirect to {response.Headers.Location?.ToString() ?? "nowhere"}; redirects are not followed."
            : $"The receiver answered {status} {response.ReasonPhrase}.";
        return new AttemptResult(AttemptErrorKind.HttpError, status, RetryAfter(response.Headers.RetryAfter, now), abort);
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - now is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
