namespace WebhookPortal.Core.Receiver;

/// <summary>A bucket of the built-in receiver as its list shows it.</summary>
public sealed record ReceiverBucketSummary(string Name, int Requests, DateTimeOffset LastActivity);
