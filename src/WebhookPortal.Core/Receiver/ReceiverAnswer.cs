namespace WebhookPortal.Core.Receiver;

/// <summary>What the built-in receiver answers: the status, a <c>Retry-After</c> if asked for, and the id it recorded the request under.</summary>
public sealed record ReceiverAnswer(string RequestId, int Status, int? RetryAfterSeconds);
