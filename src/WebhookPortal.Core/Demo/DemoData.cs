using WebhookPortal.Core.Hooks;

namespace WebhookPortal.Core.Demo;

/// <summary>
/// The portal-defined part of a small application's catalogue, added on the first start: orders published
/// through the API. Its people hooks (<c>person.saved</c>, <c>person.deleted</c>, on <see cref="Person"/>)
/// are registered in code by the web host, as an application would do it.
/// </summary>
public static class DemoData
{
    public static IReadOnlyList<Hook> Hooks(DateTimeOffset now) =>
    [
        new Hook
        {
            Name = "order.paid",
            Description = "The shop received payment for an order.",
            Source = HookSource.Api,
            ProvidedFields = ["id", "customer.email", "amount", "currency"],
            SamplePayload = """{"id":"ord_1001","customer":{"email":"jane@example.com"},"amount":49.90,"currency":"EUR"}""",
            CreatedAt = now,
            UpdatedAt = now,
        },
    ];
}
