using WebhookPortal.Core.Hooks;

namespace WebhookPortal.Core.Tests.Hooks;

public sealed class HookSampleTests
{
    [Fact]
    public void Build_NestsDottedPathsInTheFieldsOrder()
    {
        var sample = HookSample.Build(["id", "customer.email", "customer.name.first", "amount"]);

        Assert.Equal(
            """{"id":"<id>","customer":{"email":"<customer.email>","name":{"first":"<customer.name.first>"}},"amount":"<amount>"}""",
            sample);
    }

    [Fact]
    public void Build_MakesAParentAnObject_WhateverOrderItComesIn()
    {
        Assert.Equal("""{"customer":{"email":"<customer.email>"}}""", HookSample.Build(["customer", "customer.email"]));
        Assert.Equal("""{"customer":{"email":"<customer.email>"}}""", HookSample.Build(["customer.email", "customer"]));
    }

    [Fact]
    public void Build_SkipsPathsThatAreNotValid()
    {
        Assert.Equal("""{"id":"<id>"}""", HookSample.Build(["id", "", "a..b", " "]));
    }

    [Fact]
    public void Check_AcceptsOnlyProvidedFields_AndReturnsCompactJson()
    {
        var compact = HookSample.Check("{\n \"id\": 1,\n \"customer\": { \"email\": \"é@example.com\" }\n}", ["id", "customer.email"], out var problem);

        Assert.Null(problem);
        Assert.Equal("""{"id":1,"customer":{"email":"é@example.com"}}""", compact);
    }

    [Fact]
    public void Check_ListsAtMostTenExtraFields()
    {
        var json = "{" + string.Join(",", Enumerable.Range(0, 12).Select(i => $"\"f{i}\":{i}")) + "}";

        HookSample.Check(json, ["id"], out var problem);

        Assert.Contains("f0, f1, f2, f3, f4, f5, f6, f7, f8, f9 and 2 more", problem);
    }
}
