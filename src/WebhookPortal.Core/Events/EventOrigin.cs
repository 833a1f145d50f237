namespace WebhookPortal.Core.Events;

/// <summary>How an event entered the portal.</summary>
public enum EventOrigin
{
    /// <summary>An entity of this application was saved or deleted.</summary>
    Entity = 0,

    /// <summary>Published through <c>POST /api/hooks/{name}/events</c>.</summary>
    Api = 1,

    /// <summary>A test event sent from the portal.</summary>
    Test = 2,

    /// <summary>Received, verified, from an inbound webhook source.</summary>
    Inbound = 3,
}
