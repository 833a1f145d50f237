using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookPortal.Client;

/// <summary>
/// The typed client of the WebhookPortal REST API: publish events, manage listeners, read deliveries and replay
/// them. Every call authenticates with a bearer key (an account's API key, or the portal's <c>Api:AdminKey</c>),
/// is asynchronous and cancellable, and throws <see cref="WebhookPortalApiException"/> when the portal refuses it.
/// </summary>
/// <example>
/// <code>
/// using var portal = new WebhookPortalClient(new Uri("https://hooks.example.com"), apiKey);
/// var published = await portal.PublishAsync("order.paid", new { id = "ord_1", amount = 42 });
/// </code>
/// </example>
public sealed partial class WebhookPortalClient : IDisposable
{
    /// <summary>The header that makes publishing safe to repeat.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    internal static readonly JsonSerializerOptions Json = CreateJsonOptions();

    private readonly HttpClient http;
    private readonly bool ownsHttpClient;
    private readonly WebhookPortalClientOptions options;
    private readonly Uri baseAddress;

    /// <summary>A client with its own <see cref="HttpClient"/> for the portal at <paramref name="baseAddress"/>.</summary>
    /// <param name="baseAddress">The portal's address, such as <c>https://hooks.example.com/</c>.</param>
    /// <param name="apiKey">The key sent as <c>Authorization: Bearer …</c>.</param>
    /// <param name="options">Retries and timeouts; the defaults when null.</param>
    public WebhookPortalClient(Uri baseAddress, string apiKey, WebhookPortalClientOptions? options = null)
        : this(new HttpClient { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan }, apiKey, options, ownsHttpClient: true)
    {
    }

    /// <summary>A client over an <see cref="HttpClient"/> you manage (from <c>IHttpClientFactory</c>, say); it is not disposed with this client.</summary>
    /// <param name="httpClient">Its <see cref="HttpClient.BaseAddress"/> must be the portal's address.</param>
    /// <param name="apiKey">The key sent as <c>Authorization: Bearer …</c>.</param>
    /// <param name="options">Retries and timeouts; the defaults when null.</param>
    public WebhookPortalClient(HttpClient httpClient, string apiKey, WebhookPortalClientOptions? options = null)
        : this(httpClient, apiKey, options, ownsHttpClient: false)
    {
    }

    private WebhookPortalClient(HttpClient httpClient, string apiKey, WebhookPortalClientOptions? options, bool ownsHttpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        if (httpClient.BaseAddress is null)
        {
            throw new ArgumentException("The HttpClient needs a BaseAddress: the portal's address.", nameof(httpClient));
        }

        this.options = options ?? new WebhookPortalClientOptions();
        this.options.Validate();
        http = httpClient;
        this.ownsHttpClient = ownsHttpClient;

        // A portal under a path (https://example.com/hooks) keeps it: relative paths resolve below a trailing slash.
        var given = httpClient.BaseAddress.ToString();
        baseAddress = new Uri(given.EndsWith('/') ? given : given + "/");
        ApiKey = apiKey.Trim();
    }

    private string ApiKey { get; }

    /// <summary>Disposes the <see cref="HttpClient"/> when this client made it.</summary>
    public void Dispose()
    {
        if (ownsHttpClient)
        {
            http.Dispose();
        }
    }

    private async Task<T> ReadAsync<T>(HttpMethod method, string path, object? body, bool retry, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, body, headers: null, retry, cancellationToken).ConfigureAwait(false);
        return await ContentAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ContentAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"The portal answered {(int)response.StatusCode} with an empty body.");

    /// <summary>
    /// Sends one call, trying again (when <paramref name="retry"/>) after transient failures, and throws the portal's
    /// refusal as a <see cref="WebhookPortalApiException"/>. Each try builds a fresh request, so headers such as the
    /// idempotency key are the same on every try.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, object? body, IReadOnlyDictionary<string, string>? headers, bool retry,
        CancellationToken cancellationToken)
    {
        var retries = retry ? options.MaxRetries : 0;
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, new Uri(baseAddress, path.TrimStart('/')));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            request.Content = body switch
            {
                null => null,
                // JSON text as it was given; a new content for each try, as a request disposes its content.
                byte[] json => new ByteArrayContent(json) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
                _ => JsonContent.Create(body, body.GetType(), options: Json),
            };

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.AttemptTimeout);
            HttpResponseMessage? response = null;
            Exception failure;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return response;
                }

                if (!RetryDelay.IsTransient(response.StatusCode) || attempt >= retries)
                {
                    using (response)
                    {
                        throw await ProblemReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
                    }
                }

                failure = new HttpRequestException($"The portal answered {(int)response.StatusCode}.", null, response.StatusCode);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                failure = new TimeoutException(
                    $"{method} {path} did not answer within {options.AttemptTimeout.TotalSeconds:0.#} s (try {attempt + 1} of {retries + 1}).", e);
            }
            catch (HttpRequestException e)
            {
                failure = e;
            }

            if (attempt >= retries)
            {
                throw failure;
            }

            var wait = RetryDelay.Before(attempt + 1, response?.Headers.RetryAfter, options);
            response?.Dispose();
            await Task.Delay(wait, options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Query(params (string Name, object? Value)[] parameters)
    {
        var present = parameters.Where(p => p.Value is not null && p.Value is not "")
            .Select(p => $"{p.Name}={Uri.EscapeDataString(Format(p.Value!))}")
            .ToList();
        return present.Count == 0 ? "" : "?" + string.Join('&', present);
    }

    private static string Format(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        DateTimeOffset time => time.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Segment(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Uri.EscapeDataString(id);
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        json.Converters.Add(new JsonStringEnumConverter());
        return json;
    }

    private static bool IsRepeated(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Idempotent-Replayed", out var values) &&
        values.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase));
}
