namespace WebhookPortal.Core.Demo;

/// <summary>What the People form sends: a person's name, address and secret, as typed.</summary>
public sealed record PersonInput(string? Name, string? Address, string? Secret);
