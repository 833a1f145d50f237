namespace WebhookPortal.Core.Events;

/// <summary>What the event list asks for: newest first, optionally one hook or one origin, one page.</summary>
public sealed record EventQuery
{
    public const int MaxPageSize = 500;

    public string? Hook { get; init; }

    public EventOrigin? Origin { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}
