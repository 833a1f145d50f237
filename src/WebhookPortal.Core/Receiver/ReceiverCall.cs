using Microsoft.Extensions.Primitives;

namespace WebhookPortal.Core.Receiver;

/// <summary>A request to <c>/receiver/{bucket}</c> as Core sees it, without ASP.NET Core.</summary>
/// <param name="Query">The query's parameters: they say how to answer (<see cref="ReceiverBehaviour"/>).</param>
/// <param name="Body">The body, still unread.</param>
public sealed record ReceiverCall(
    string Method,
    string PathAndQuery,
    IEnumerable<KeyValuePair<string, StringValues>> Headers,
    IEnumerable<KeyValuePair<string, StringValues>> Query,
    Stream Body,
    string? RemoteAddress);
