namespace WebhookPortal.Core.Demo;

/// <summary>
/// The demo application's one entity. Saving or deleting a person fires <c>person.saved</c> or
/// <c>person.deleted</c>; its <see cref="Secret"/> is not a provided field and never leaves.
/// </summary>
public sealed class Person
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string Address { get; set; } = "";

    public string Secret { get; set; } = "";
}
