using System.Collections.Concurrent;
using System.Net;

namespace WebhookPortal.Web.Tests.Client;

/// <summary>
/// Stands between the client and the real app: each call is answered by the next scripted step (a status without
/// reaching the app, a lost answer after the app handled it, a hang, a broken connection) and, once the script
/// runs out, by the app itself. Records every request's idempotency key.
/// </summary>
public sealed class ScriptedHandler(HttpMessageHandler app) : DelegatingHandler(app)
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> script = new();

    public List<string?> Keys { get; } = [];

    public int Calls => Keys.Count;

    /// <summary>Answers the status without the app seeing the request.</summary>
    public ScriptedHandler Status(HttpStatusCode status, string? retryAfter = null)
    {
        script.Enqueue((_, _) =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent("""{"title":"Scripted failure"}""") };
            if (retryAfter is not null)
            {
                response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
            }

            return Task.FromResult(response);
        });
        return this;
    }

    /// <summary>The app handles the request, but its answer is lost on the way back: the caller sees a 502.</summary>
    public ScriptedHandler LoseAnswer()
    {
        script.Enqueue(async (request, cancellationToken) =>
        {
            using var handled = await base.SendAsync(request, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.BadGateway);
        });
        return this;
    }

    /// <summary>Never answers, until the caller gives up.</summary>
    public ScriptedHandler Hang()
    {
        script.Enqueue(async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    public ScriptedHandler BreakConnection()
    {
        script.Enqueue((_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection reset by peer")));
        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Keys)
        {
            Keys.Add(request.Headers.TryGetValues("Idempotency-Key", out var values) ? values.Single() : null);
        }

        return script.TryDequeue(out var step) ? step(request, cancellationToken) : base.SendAsync(request, cancellationToken);
    }
}
