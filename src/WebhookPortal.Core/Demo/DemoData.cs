using WebhookPortal.Core.Hooks;

namespace WebhookPortal.Core.Demo;

/// <summary>
/// The catalogue of a small application, added on the first start: people, whose <c>secret</c>
/// column is never provided, and orders published through the API.
/// </summary>
public static class DemoData
{
    public static IReadOnlyList<Hook> Hooks(DateTimeOffset now) =>
    [
        new Hook
        {
            Name = "person.saved",
            Description = "A person was added or changed. Their secret is never sent.",
            Source = HookSource.EntityChange,
            EntityName = "Person",
            EntityChange = EntityChangeKind.Saved,
            ProvidedFields = ["id", "name", "address"],
            SamplePayload = """{"id":42,"name":"Jane Doe","address":"12 High Street, Springfield"}""",
            CreatedAt = now,
        },
        new Hook
        {
            Name = "person.deleted",
            Description = "A person was deleted. The payload holds the person as they were.",
            Source = HookSource.EntityChange,
            EntityName = "Person",
            EntityChange = EntityChangeKind.Deleted,
            ProvidedFields = ["id", "name", "address"],
            SamplePayload = """{"id":42,"name":"Jane Doe","address":"12 High Street, Springfield"}""",
            CreatedAt = now,
        },
        new Hook
        {
            Name = "order.paid",
            Description = "The shop received payment for an order.",
            Source = HookSource.Api,
            ProvidedFields = ["id", "customer.email", "amount", "currency"],
            SamplePayload = """{"id":"ord_1001","customer":{"email":"jane@example.com"},"amount":49.90,"currency":"EUR"}""",
            CreatedAt = now,
        },
    ];
}
