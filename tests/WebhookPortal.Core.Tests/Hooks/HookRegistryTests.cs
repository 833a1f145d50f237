using WebhookPortal.Core.Demo;
using WebhookPortal.Core.Hooks;

namespace WebhookPortal.Core.Tests.Hooks;

public sealed class HookRegistryTests
{
    private readonly HookRegistry registry = new();

    [Fact]
    public void For_FindsTheHooksOfAnEntityTypeAndChange()
    {
        registry.OnEntity<Person>(EntityChangeKind.Saved, "person.saved", "Saved.", ["id", "name"], """{"id":1}""")
            .OnEntity<Person>(EntityChangeKind.Deleted, "person.deleted", "Deleted.", ["id"])
            .OnEntity<Person>(EntityChangeKind.Saved, "person.audited", "Audited.", ["id"]);

        Assert.Equal(["person.saved", "person.audited"], registry.For(typeof(Person), EntityChangeKind.Saved).Select(r => r.Name));
        var deleted = Assert.Single(registry.For(typeof(Person), EntityChangeKind.Deleted));
        Assert.Equal("Person", deleted.EntityName);
        Assert.Empty(registry.For(typeof(string), EntityChangeKind.Saved));
        Assert.Equal(3, registry.Registrations.Count);
    }

    [Fact]
    public void OnEntity_KeepsTheSampleCompact_OrBuildsOneFromTheFields()
    {
        registry.OnEntity<Person>(EntityChangeKind.Saved, "person.saved", "Saved.", ["id", "address"], "{ \"id\": 42 }")
            .OnEntity<Person>(EntityChangeKind.Deleted, "person.deleted", "Deleted.", ["id", "address.city"]);

        Assert.Equal("""{"id":42}""", registry.Registrations[0].SamplePayload);
        Assert.Equal("""{"id":"<id>","address":{"city":"<address.city>"}}""", registry.Registrations[1].SamplePayload);
    }

    [Fact]
    public void IsRegistered_IgnoresCase()
    {
        registry.OnEntity<Person>(EntityChangeKind.Saved, "person.saved", "Saved.", ["id"]);

        Assert.True(registry.IsRegistered("Person.Saved"));
        Assert.False(registry.IsRegistered("person.deleted"));
    }

    [Theory]
    [InlineData("Person.Saved", new[] { "id" }, null, "name", "not a valid hook name")]
    [InlineData("person", new[] { "id" }, null, "name", "at least two words")]
    [InlineData("person.saved", new string[0], null, "providedFields", "at least one provided field")]
    [InlineData("person.saved", new[] { "id", "name..first" }, null, "providedFields", "'name..first' is not a field path")]
    [InlineData("person.saved", new[] { "id" }, """{"id":1,"secret":"x"}""", "sample", "does not provide: secret")]
    [InlineData("person.saved", new[] { "id" }, "[1]", "sample", "must be a JSON object")]
    public void OnEntity_ThrowsNamingTheHookAndTheRule_WhenARuleIsBroken(
        string name, string[] fields, string? sample, string parameter, string expected)
    {
        var failure = Assert.Throws<ArgumentException>(() =>
            registry.OnEntity<Person>(EntityChangeKind.Saved, name, "Saved.", fields, sample));

        Assert.Equal(parameter, failure.ParamName);
        Assert.Contains($"The hook '{name}' on Person cannot be registered", failure.Message);
        Assert.Contains(expected, failure.Message);
        Assert.Empty(registry.Registrations);
    }

    [Fact]
    public void OnEntity_Throws_WhenTheNameIsRegisteredTwice()
    {
        registry.OnEntity<Person>(EntityChangeKind.Saved, "person.saved", "Saved.", ["id"]);

        var failure = Assert.Throws<ArgumentException>(() =>
            registry.OnEntity<Person>(EntityChangeKind.Deleted, "person.saved", "Deleted.", ["id"]));

        Assert.Contains("'person.saved' is registered twice", failure.Message);
    }
}
