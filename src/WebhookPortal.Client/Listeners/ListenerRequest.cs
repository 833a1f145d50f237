namespace WebhookPortal.Client;

/// <summary>What a listener is made of, to create one or to replace one's settings.</summary>
/// <param name="Hook">The hook whose events it receives (<c>order.paid</c>); fixed once created.</param>
/// <param name="Url">The absolute http or https URL deliveries are posted to.</param>
public sealed record ListenerRequest(string Hook, string Url)
{
    /// <summary>What the listener is for, shown in the portal.</summary>
    public string? Description { get; init; }

    /// <summary>Whether it receives deliveries; true when left out.</summary>
    public bool? Enabled { get; init; }

    /// <summary>Custom headers every delivery carries (at most 20).</summary>
    public IReadOnlyList<ListenerHeader>? Headers { get; init; }

    /// <summary>Conditions on the payload; an event must pass all of them. None: every event of the hook.</summary>
    public IReadOnlyList<MatchFilter>? Filters { get; init; }

    /// <summary>On update, the <see cref="Listener.Version"/> you read: the portal refuses (409) a change made since.</summary>
    public int? Version { get; init; }

    /// <summary>The customer account that owns it and may read its deliveries (admins only).</summary>
    public int? OwnerAccountId { get; init; }
}
