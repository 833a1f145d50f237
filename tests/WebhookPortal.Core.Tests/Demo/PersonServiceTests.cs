using WebhookPortal.Core.Accounts;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Demo;
using WebhookPortal.Core.Events;

namespace WebhookPortal.Core.Tests.Demo;

/// <summary>
/// The demo's people: saving one fires its hook in the same transaction, and a refused save fires nothing
/// (that a rolled-back transaction takes its events with it is shown in <c>EntityEventsInterceptorTests</c>).
/// </summary>
public sealed class PersonServiceTests : IAsyncLifetime
{
    private CoreFixture fixture = default!;

    private PersonService People => fixture.Get<PersonService>();

    public async Task InitializeAsync() => fixture = await CoreFixture.StartAsync();

    public async Task DisposeAsync() => await fixture.DisposeAsync();

    [Fact]
    public async Task Create_StoresOnePersonSavedEvent_WithIdNameAndAddressButNoSecret()
    {
        var result = await People.CreateAsync(new PersonInput(" Jane Doe ", "12 High Street", "s3cr3t"), default);

        Assert.True(result.Succeeded);
        var change = result.Value;
        Assert.Equal("Jane Doe", change.Person.Name);
        Assert.Equal("person.saved", change.Hook);
        var stored = Assert.Single(await EventsAsync());
        Assert.Equal(change.EventId, stored.Id);
        Assert.Equal(EventOrigin.Entity, stored.Origin);
        AssertPayload(stored.Payload, change.Person.Id, "Jane Doe", "12 High Street");
        Assert.DoesNotContain("s3cr3t", stored.Payload);
    }

    [Fact]
    public async Task Create_CountsTheDeliveries_WhenAListenerWantsTheHook()
    {
        await fixture.Listeners.CreateAsync(Actor.System, CoreFixture.Input(hook: "person.saved"), default);

        var result = await People.CreateAsync(new PersonInput("Jane Doe", "", ""), default);

        Assert.Equal(1, result.Value!.Deliveries);
        await using var db = await fixture.ContextAsync();
        Assert.Equal(result.Value.EventId, (await db.Deliveries.SingleAsync()).EventId);
    }

    [Theory]
    [InlineData("", "name", "Enter the person's name.")]
    [InlineData("   ", "name", "Enter the person's name.")]
    [InlineData("201", "name", "The name is 201 characters long; the limit is 200.")]
    [InlineData("address", "address", "The address is 501 characters long; the limit is 500.")]
    [InlineData("secret", "secret", "The secret is 201 characters long; the limit is 200.")]
    public async Task Create_NamesTheField_AndStoresNoPersonAndNoEvent_WhenARuleIsBroken(string breaks, string field, string message)
    {
        var input = breaks switch
        {
            "201" => new PersonInput(new string('n', 201), null, null),
            "address" => new PersonInput("Jane", new string('a', 501), null),
            "secret" => new PersonInput("Jane", null, new string('s', 201)),
            _ => new PersonInput(breaks, null, null),
        };

        var result = await People.CreateAsync(input, default);

        Assert.Equal(ServiceErrorKind.Invalid, result.Error?.Kind);
        Assert.Equal([message], result.Error!.Fields![field]);
        await using var db = await fixture.ContextAsync();
        Assert.Equal(0, await db.People.CountAsync());
        Assert.Empty(await EventsAsync());
    }

    [Fact]
    public async Task Update_StoresAnotherPersonSavedEvent_WithTheNewValues()
    {
        var created = (await People.CreateAsync(new PersonInput("Jane Doe", "12 High Street", "a"), default)).Value!;
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));

        var result = await People.UpdateAsync(created.Person.Id, new PersonInput("Jane Roe", "1 Low Road", "b"), default);

        Assert.NotEqual(created.EventId, result.Value!.EventId);
        var events = await EventsAsync();
        Assert.Equal(2, events.Count);
        var latest = events.Single(e => e.Id == result.Value.EventId);
        AssertPayload(latest.Payload, created.Person.Id, "Jane Roe", "1 Low Road");
        Assert.Equal("Jane Roe", (await People.FindAsync(created.Person.Id, default))!.Name);
    }

    [Fact]
    public async Task Update_StoresNoEvent_WhenNothingChanged()
    {
        var created = (await People.CreateAsync(new PersonInput("Jane Doe", "12 High Street", "a"), default)).Value!;

        var result = await People.UpdateAsync(created.Person.Id, new PersonInput("Jane Doe", "12 High Street", "a"), default);

        Assert.True(result.Succeeded);
        Assert.Null(result.Value.EventId);
        Assert.Single(await EventsAsync());
    }

    [Fact]
    public async Task Update_StoresNoEvent_WhenARuleIsBroken()
    {
        var created = (await People.CreateAsync(new PersonInput("Jane Doe", "", ""), default)).Value!;

        var result = await People.UpdateAsync(created.Person.Id, new PersonInput("", "", ""), default);

        Assert.Equal(ServiceErrorKind.Invalid, result.Error?.Kind);
        Assert.Single(await EventsAsync());
        Assert.Equal("Jane Doe", (await People.FindAsync(created.Person.Id, default))!.Name);
    }

    [Fact]
    public async Task Delete_StoresOnePersonDeletedEvent_WithThePersonAsTheyWere()
    {
        var created = (await People.CreateAsync(new PersonInput("Jane Doe", "12 High Street", "s3cr3t"), default)).Value!;
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));

        var result = await People.DeleteAsync(created.Person.Id, default);

        Assert.Equal("person.deleted", result.Value!.Hook);
        var deleted = (await EventsAsync()).Single(e => e.Id == result.Value.EventId);
        AssertPayload(deleted.Payload, created.Person.Id, "Jane Doe", "12 High Street");
        Assert.Null(await People.FindAsync(created.Person.Id, default));
    }

    [Fact]
    public async Task UpdateAndDelete_AnswerNotFound_WhenThePersonDoesNotExist()
    {
        var update = await People.UpdateAsync(404, new PersonInput("Jane", "", ""), default);
        var delete = await People.DeleteAsync(404, default);

        Assert.Equal(ServiceErrorKind.NotFound, update.Error?.Kind);
        Assert.Equal(ServiceErrorKind.NotFound, delete.Error?.Kind);
        Assert.Empty(await EventsAsync());
    }

    [Fact]
    public async Task List_ReturnsAPage_NewestFirst_WithTheTotal()
    {
        foreach (var name in new[] { "Ann", "Bob", "Cy" })
        {
            await People.CreateAsync(new PersonInput(name, "", ""), default);
        }

        var page = await People.ListAsync(skip: 0, take: 2, default);

        Assert.Equal(3, page.TotalCount);
        Assert.Equal(["Cy", "Bob"], page.Items.Select(p => p.Name));
    }

    /// <summary>The payload holds exactly the provided fields, id, name and address: the secret never leaves.</summary>
    private static void AssertPayload(string json, int id, string name, string address)
    {
        using var payload = JsonDocument.Parse(json);
        var root = payload.RootElement;
        Assert.Equal(["address", "id", "name"], root.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(id, root.GetProperty("id").GetInt32());
        Assert.Equal(name, root.GetProperty("name").GetString());
        Assert.Equal(address, root.GetProperty("address").GetString());
    }

    private async Task<List<Event>> EventsAsync()
    {
        await using var db = await fixture.ContextAsync();
        return await db.Events.AsNoTracking().ToListAsync();
    }
}
