using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WebhookPortal.Bench;

/// <summary>
/// The cheapest honest receiver on 127.0.0.1: reads the body, answers 204, counts, and when a payload
/// carries <c>"sentAt"</c> (Stopwatch ticks of this process) notes how long it took to arrive.
/// </summary>
internal sealed class LeanReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly List<double> latencies = [];
    private long received;

    private LeanReceiver(WebApplication app) => this.app = app;

    public Uri Address { get; private set; } = default!;

    public long Received => Interlocked.Read(ref received);

    public static async Task<LeanReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new LeanReceiver(builder.Build());
        receiver.app.Run(receiver.HandleAsync);
        await receiver.app.StartAsync();
        receiver.Address = new Uri(receiver.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return receiver;
    }

    /// <summary>The arrival latencies noted so far, in milliseconds, and forgets them.</summary>
    public double[] TakeLatencies()
    {
        lock (latencies)
        {
            var taken = latencies.ToArray();
            latencies.Clear();
            return taken;
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var arrived = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref received);
        if (body.Length < 4096 && body.Length > 0)
        {
            var reader = new Utf8JsonReader(body.GetBuffer().AsSpan(0, (int)body.Length));
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("sentAt") && reader.Read())
                {
                    var elapsed = Stopwatch.GetElapsedTime(reader.GetInt64(), arrived).TotalMilliseconds;
                    lock (latencies)
                    {
                        latencies.Add(elapsed);
                    }

                    break;
                }
            }
        }

        context.Response.StatusCode = 204;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
