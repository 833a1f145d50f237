using System.Text.Json;
using WebhookPortal.Core.Filters;

namespace WebhookPortal.Core.Tests.Filters;

public sealed class PayloadFieldsTests
{
    private const string Order = """
        {"id":"ord_1","secret":"top","amount":49.90,"customer":{"email":"jane@example.com","secret":"s3cr3t",
         "address":{"city":"Utrecht","street":"Hidden 1"}},"items":[{"sku":"A"}],"note":null,"name":"Zoë <3"}
        """;

    [Theory]
    [InlineData("id")]
    [InlineData("customer.email")]
    [InlineData("line_items")]
    [InlineData("x-id")]
    [InlineData("_private")]
    [InlineData("0")]
    [InlineData("a.b.c.d.e.f.g.h")]
    public void IsValidPath_ReturnsTrue_ForDottedJsonKeys(string path) => Assert.True(PayloadFields.IsValidPath(path));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a..b")]
    [InlineData(".a")]
    [InlineData("a.")]
    [InlineData("a b")]
    [InlineData(" a")]
    [InlineData("a\t")]
    [InlineData("-x")]
    [InlineData("a.-b")]
    [InlineData("tags[0]")]
    [InlineData("tags.0.name$")]
    [InlineData("prénom")]
    [InlineData("a.b.c.d.e.f.g.h.i")]
    public void IsValidPath_ReturnsFalse_ForAnythingElse(string? path) => Assert.False(PayloadFields.IsValidPath(path));

    [Fact]
    public void IsValidPath_EnforcesTheLengthLimits()
    {
        var longest = new string('a', 64);
        Assert.True(PayloadFields.IsValidPath(longest));
        Assert.False(PayloadFields.IsValidPath(longest + "a"));

        var twoHundred = $"{longest}.{longest}.{longest}.abcde";
        Assert.Equal(200, twoHundred.Length);
        Assert.True(PayloadFields.IsValidPath(twoHundred));
        Assert.False(PayloadFields.IsValidPath(twoHundred + "f"));
    }

    [Theory]
    [InlineData("id", "\"ord_1\"")]
    [InlineData("amount", "49.90")]
    [InlineData("customer.email", "\"jane@example.com\"")]
    [InlineData("customer.address.city", "\"Utrecht\"")]
    [InlineData("note", "null")]
    [InlineData("items", """[{"sku":"A"}]""")]
    public void TryGet_FindsTheValue_WhenEveryStepIsAnObject(string path, string rawValue)
    {
        using var payload = JsonDocument.Parse(Order);

        Assert.True(PayloadFields.TryGet(payload.RootElement, path, out var value));
        Assert.Equal(rawValue, value.GetRawText());
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("customer.phone")]
    [InlineData("Customer.email")]
    [InlineData("id.length")]
    [InlineData("items.0")]
    [InlineData("items.sku")]
    [InlineData("note.x")]
    [InlineData("customer..email")]
    public void TryGet_ReturnsFalse_WhenAStepIsMissingOrNotAnObject(string path)
    {
        using var payload = JsonDocument.Parse(Order);

        Assert.False(PayloadFields.TryGet(payload.RootElement, path, out var value));
        Assert.Equal(JsonValueKind.Undefined, value.ValueKind);
    }

    [Fact]
    public void TryGet_ReturnsFalse_WhenTheRootIsNotAnObject()
    {
        using var payload = JsonDocument.Parse("""[{"id":1}]""");

        Assert.False(PayloadFields.TryGet(payload.RootElement, "id", out _));
    }

    [Theory]
    [InlineData(new[] { "id", "customer.email" }, """{"id":"ord_1","customer":{"email":"jane@example.com"}}""")]
    [InlineData(new[] { "customer.address.city" }, """{"customer":{"address":{"city":"Utrecht"}}}""")]
    [InlineData(new[] { "customer.email", "customer" }, """{"customer":{"email":"jane@example.com","secret":"s3cr3t","address":{"city":"Utrecht","street":"Hidden 1"}}}""")]
    [InlineData(new[] { "customer", "customer.email" }, """{"customer":{"email":"jane@example.com","secret":"s3cr3t","address":{"city":"Utrecht","street":"Hidden 1"}}}""")]
    [InlineData(new[] { "name", "amount", "id" }, """{"id":"ord_1","amount":49.90,"name":"Zoë <3"}""")]
    [InlineData(new[] { "items", "note" }, """{"items":[{"sku":"A"}],"note":null}""")]
    [InlineData(new[] { "id", "phone", "customer.phone", "id.x", "items.sku" }, """{"id":"ord_1"}""")]
    [InlineData(new string[0], "{}")]
    public void Project_KeepsOnlyTheProvidedPaths_InThePayloadsOrder(string[] provided, string expected)
    {
        using var payload = JsonDocument.Parse(Order);

        Assert.Equal(expected, PayloadFields.Project(payload.RootElement, provided));
    }

    [Fact]
    public void Project_NeverLeaksASibling_OfAProvidedNestedField()
    {
        using var payload = JsonDocument.Parse(Order);

        var projected = PayloadFields.Project(payload.RootElement, ["customer.email", "customer.address.city"]);

        Assert.DoesNotContain("secret", projected);
        Assert.DoesNotContain("s3cr3t", projected);
        Assert.DoesNotContain("Hidden", projected);
        using var result = JsonDocument.Parse(projected);
        Assert.Equal(["customer"], result.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Project_KeepsEscapedTextIntact()
    {
        using var payload = JsonDocument.Parse("""{"text":"say \"hi\"\n\u0001","skip":1}""");

        var projected = PayloadFields.Project(payload.RootElement, ["text"]);

        using var result = JsonDocument.Parse(projected);
        Assert.Equal("say \"hi\"\n\u0001", result.RootElement.GetProperty("text").GetString());
        Assert.Equal(["text"], result.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("\"text\"")]
    public void Project_Throws_WhenThePayloadIsNotAnObject(string json)
    {
        using var payload = JsonDocument.Parse(json);

        var failure = Assert.Throws<ArgumentException>(() => PayloadFields.Project(payload.RootElement, ["id"]));
        Assert.Equal("payload", failure.ParamName);
    }

    [Fact]
    public void Project_Throws_WhenAProvidedPathIsNotValid()
    {
        using var payload = JsonDocument.Parse(Order);

        var failure = Assert.Throws<ArgumentException>(() => PayloadFields.Project(payload.RootElement, ["id", "customer..email"]));
        Assert.Contains("'customer..email'", failure.Message);
    }
}
