using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.TestSupport;

namespace WebhookPortal.ReliabilityTests.Support;

/// <summary>
/// The real portal as a child process (<see cref="PortalProcess"/>) on a database file of the test's choosing, at a
/// free port on 127.0.0.1, allowed to deliver to loopback, with the admin key for its REST API. It can be killed
/// (SIGKILL), stopped (SIGTERM) and started again on the same file; disposing it kills whatever still runs.
/// </summary>
public sealed partial class ChildPortal : IDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly PortalProcess process;

    private ChildPortal(PortalProcess process, Uri address)
    {
        this.process = process;
        Address = address;
        Api = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PortalAppFactory.AdminKey);
    }

    public Uri Address { get; }

    /// <summary>A client of the REST API acting as the admin.</summary>
    public HttpClient Api { get; }

    public int ProcessId => process.Id;

    public string Output => process.Output;

    /// <summary>How the API's JSON reads (camelCase, enums as text).</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>Starts the portal on <paramref name="databasePath"/> and waits until <c>/health</c> answers 200; later settings win.</summary>
    public static async Task<ChildPortal> StartAsync(string databasePath, params string[] settings)
    {
        var process = PortalProcess.Start(Path.GetDirectoryName(databasePath)!,
        [
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:Portal=Data Source={databasePath}",
            $"--Api:AdminKey={PortalAppFactory.AdminKey}",
            "--Portal:SeedDemoData=false",
            "--Delivery:AllowPrivateNetworks=true", // the receiver is on 127.0.0.1
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information", // prints the address it listens at
            .. settings,
        ]);
        try
        {
            var address = await ListeningAddressAsync(process);
            var portal = new ChildPortal(process, address);
            await portal.WaitHealthyAsync();
            return portal;
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>kill -9: the process ends at once, with whatever it had in flight.</summary>
    public void Kill() => process.Kill();

    /// <summary>SIGTERM, then waits for the process to end by itself; returns its exit code.</summary>
    public Task<int> StopAsync(TimeSpan timeout)
    {
        process.Terminate();
        return process.WaitForExitAsync(timeout);
    }

    public async Task CreateHookAsync(string name, params string[] providedFields)
    {
        var response = await Api.PostAsJsonAsync("/api/hooks", new { name, description = $"{name} (reliability tests)", providedFields });
        await EnsureAsync(response, "creating the hook");
    }

    /// <summary>Creates a listener; with <paramref name="only"/>, it matches only events whose field has that value.</summary>
    public async Task<string> CreateListenerAsync(string hook, string url, (string Field, string Value)? only = null)
    {
        var filters = only is { } filter ? new[] { new { field = filter.Field, @operator = "Is", value = filter.Value } } : [];
        var response = await Api.PostAsJsonAsync("/api/listeners", new { hook, url, filters });
        await EnsureAsync(response, $"creating a listener for {url}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>POST /api/hooks/{hook}/events; the answer as it came (a 202 means stored).</summary>
    public async Task<HttpResponseMessage> PublishAsync(string hook, string payload, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        return await Api.PostAsync($"/api/hooks/{hook}/events", content, cancellationToken);
    }

    /// <summary>Publishes and returns the event id; fails unless the answer is 202.</summary>
    public async Task<string> PublishOrFailAsync(string hook, string payload)
    {
        using var response = await PublishAsync(hook, payload);
        await EnsureAsync(response, "publishing");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("eventId").GetString()!;
    }

    /// <summary>One delivery with every attempt, as the log's API shows it.</summary>
    public async Task<DeliveryDetails> DeliveryAsync(string deliveryId) =>
        (await Api.GetFromJsonAsync<DeliveryDetails>($"/api/deliveries/{deliveryId}", Json))!;

    /// <summary>The delivery ids of an event, from the log's API.</summary>
    public async Task<IReadOnlyList<string>> DeliveryIdsOfAsync(string eventId)
    {
        using var body = JsonDocument.Parse(await Api.GetStringAsync($"/api/deliveries?eventId={eventId}"));
        return body.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
    }

    /// <summary>How many deliveries the log's API counts with this status.</summary>
    public async Task<int> CountAsync(DeliveryStatus status)
    {
        using var body = JsonDocument.Parse(await Api.GetStringAsync($"/api/deliveries?status={status}&pageSize=1"));
        return body.RootElement.GetProperty("totalCount").GetInt32();
    }

    /// <summary>Whether the listener is enabled, as the API shows it.</summary>
    public async Task<bool> ListenerEnabledAsync(string listenerId)
    {
        using var body = JsonDocument.Parse(await Api.GetStringAsync($"/api/listeners/{listenerId}"));
        return body.RootElement.GetProperty("enabled").GetBoolean();
    }

    /// <summary>The most memory the process has held so far (its peak resident set, VmHWM in /proc), in bytes.</summary>
    public long PeakMemoryBytes() => ProcStatusKilobytes("VmHWM") * 1024;

    /// <summary>The memory the process holds now (its resident set, VmRSS in /proc), in bytes.</summary>
    public long MemoryBytes() => ProcStatusKilobytes("VmRSS") * 1024;

    private long ProcStatusKilobytes(string field)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task WaitHealthyAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                using var response = await Api.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The portal at {Address} did not report healthy within {StartTimeout}. Output:\n{process.Output}");
            }

            await Task.Delay(100);
        }
    }

    private static async Task<Uri> ListeningAddressAsync(PortalProcess process)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            var match = ListeningLine().Match(process.Output);
            if (match.Success)
            {
                return new Uri(match.Groups[1].Value);
            }

            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The portal did not say where it listens within {StartTimeout}. Output:\n{process.Output}");
            }

            await Task.Delay(50);
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    public void Dispose()
    {
        Api.Dispose();
        process.Dispose();
    }
}
