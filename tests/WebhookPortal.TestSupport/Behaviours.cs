using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace WebhookPortal.TestSupport;

/// <summary>Ways a <see cref="LocalReceiver"/> path can answer, for the delivery engine's tests.</summary>
public static class Behaviours
{
    public static Func<HttpContext, int, Task> Status(int status, string body = "") => async (context, _) =>
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsync(body);
    };

    /// <summary>The first <paramref name="failures"/> calls answer <paramref name="status"/>, the rest 200.</summary>
    public static Func<HttpContext, int, Task> FailFirst(int failures, int status = 500) => (context, call) =>
    {
        context.Response.StatusCode = call <= failures ? status : 200;
        return Task.CompletedTask;
    };

    public static Func<HttpContext, int, Task> Delay(TimeSpan delay, int status = 200) => async (context, _) =>
    {
        await Task.Delay(delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        context.Response.StatusCode = status;
    };

    /// <summary>Accepts the request and never answers (until the client gives up).</summary>
    public static Func<HttpContext, int, Task> Hang() => (context, _) =>
        Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);

    public static Func<HttpContext, int, Task> Redirect(string location, int status = 302) => (context, _) =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    };

    public static Func<HttpContext, int, Task> WithHeader(int status, string name, string value) => (context, _) =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers[name] = value;
        return Task.CompletedTask;
    };

    /// <summary>Answers 200 with a body of <paramref name="bytes"/> bytes, written in chunks.</summary>
    public static Func<HttpContext, int, Task> LargeBody(int bytes) => async (context, _) =>
    {
        context.Response.StatusCode = 200;
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'x');
        for (var written = 0; written < bytes && !context.RequestAborted.IsCancellationRequested; written += chunk.Length)
        {
            await context.Response.Body.WriteAsync(chunk.AsMemory(0, Math.Min(chunk.Length, bytes - written)), context.RequestAborted)
                .AsTask().ContinueWith(_ => { }, TaskScheduler.Default);
        }
    };

    /// <summary>Answers with a small gzip body that expands to <paramref name="expandedBytes"/> of zeros.</summary>
    public static Func<HttpContext, int, Task> GzipBomb(int expandedBytes) => async (context, _) =>
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var written = 0; written < expandedBytes; written += zeros.Length)
            {
                await gzip.WriteAsync(zeros.AsMemory(0, Math.Min(zeros.Length, expandedBytes - written)));
            }
        }

        context.Response.StatusCode = 200;
        context.Response.Headers.ContentEncoding = "gzip";
        await context.Response.Body.WriteAsync(compressed.ToArray());
    };

    /// <summary>Starts a 200 answer that promises more than it sends, then drops the connection.</summary>
    public static Func<HttpContext, int, Task> ResetMidResponse() => async (context, _) =>
    {
        context.Response.StatusCode = 200;
        context.Response.ContentLength = 64 * 1024;
        await context.Response.Body.WriteAsync(new byte[1024]);
        await context.Response.Body.FlushAsync();
        context.Abort();
    };

    /// <summary>Answers 200 and then sends one byte every <paramref name="interval"/>, for as long as the client reads.</summary>
    public static Func<HttpContext, int, Task> Trickle(TimeSpan interval) => async (context, _) =>
    {
        context.Response.StatusCode = 200;
        await context.Response.StartAsync();
        while (!context.RequestAborted.IsCancellationRequested)
        {
            await context.Response.Body.WriteAsync("x"u8.ToArray(), context.RequestAborted).AsTask().ContinueWith(_ => { }, TaskScheduler.Default);
            await context.Response.Body.FlushAsync(context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            await Task.Delay(interval, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    };

    /// <summary>Answers <paramref name="status"/> with exactly these bytes as the body, declared as UTF-8 text.</summary>
    public static Func<HttpContext, int, Task> RawBody(int status, byte[] body) => async (context, _) =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.Body.WriteAsync(body);
    };
}
