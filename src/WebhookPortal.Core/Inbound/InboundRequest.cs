namespace WebhookPortal.Core.Inbound;

/// <summary>A request to <c>/ingest/{source}</c> as Core sees it, without ASP.NET Core: headers, the body still unread, and who sent it.</summary>
/// <param name="ContentLength">The declared length, when the sender declared one: a larger one is refused before reading.</param>
/// <param name="RemoteAddress">The address connected from, kept with a rejection.</param>
public sealed record InboundRequest(InboundHeaders Headers, Stream Body, long? ContentLength, string? RemoteAddress);
