using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WebhookPortal.TestSupport;

/// <summary>
/// A real HTTP receiver on 127.0.0.1 for delivery tests: it records every request and answers each path
/// as told — a status, a sequence, a delay, a hang, a redirect, a huge or compressed body (see
/// <see cref="Behaviours"/>). Unknown paths answer 200.
/// </summary>
public sealed class LocalReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<CapturedRequest> received = new();
    private readonly ConcurrentDictionary<string, Func<HttpContext, int, Task>> behaviours = new();
    private readonly ConcurrentDictionary<string, int> calls = new();
    private readonly Dictionary<string, (int Now, int Max)> concurrentByPath = [];
    private int concurrent;
    private int maxConcurrent;

    private LocalReceiver(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IReadOnlyList<CapturedRequest> Requests => received.ToList();

    /// <summary>The most requests that were being answered at the same moment.</summary>
    public int MaxConcurrent => Volatile.Read(ref maxConcurrent);

    /// <summary>The most requests to one path that were being answered at the same moment.</summary>
    public int MaxConcurrentTo(string path)
    {
        lock (concurrentByPath)
        {
            return concurrentByPath.GetValueOrDefault(path).Max;
        }
    }

    public static async Task<LocalReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LocalReceiver? receiver = null;
        app.Run(context => receiver!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver = new LocalReceiver(app, new Uri(address));
        return receiver;
    }

    public string Url(string path) => new Uri(Address, path).ToString();

    /// <summary>How this path answers; the second argument is the call's number on the path, from 1.</summary>
    public void Respond(string path, Func<HttpContext, int, Task> behaviour) => behaviours[path] = behaviour;

    public IReadOnlyList<CapturedRequest> RequestsTo(string path) => received.Where(r => r.Path == path).ToList();

    /// <summary>Waits until <paramref name="count"/> requests reached the path; fails after the timeout.</summary>
    public async Task<IReadOnlyList<CapturedRequest>> WaitForAsync(string path, int count, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (RequestsTo(path).Count < count)
        {
            if (cancel.IsCancellationRequested)
            {
                throw new TimeoutException($"{path} received {RequestsTo(path).Count} of {count} requests within {timeout}.");
            }

            await Task.Delay(20, CancellationToken.None);
        }

        return RequestsTo(path);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var now = Interlocked.Increment(ref concurrent);
        int seen;
        while ((seen = Volatile.Read(ref maxConcurrent)) < now && Interlocked.CompareExchange(ref maxConcurrent, now, seen) != seen)
        {
        }

        var path = context.Request.Path.Value ?? "/";
        CountOnPath(path, +1);
        try
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            received.Enqueue(new CapturedRequest(path,
                context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
                body.ToArray(), DateTimeOffset.UtcNow));
            var call = calls.AddOrUpdate(path, 1, (_, n) => n + 1);
            if (behaviours.TryGetValue(path, out var behaviour))
            {
                await behaviour(context, call);
            }
            else
            {
                context.Response.StatusCode = 200;
            }
        }
        finally
        {
            CountOnPath(path, -1);
            Interlocked.Decrement(ref concurrent);
        }
    }

    private void CountOnPath(string path, int change)
    {
        lock (concurrentByPath)
        {
            var (now, max) = concurrentByPath.GetValueOrDefault(path);
            concurrentByPath[path] = (now + change, Math.Max(max, now + change));
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await app.StopAsync(stopping.Token);
        await app.DisposeAsync();
    }
}
