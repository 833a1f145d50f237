using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Core.Demo;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Components;

/// <summary>An event's page, rendered on the server, shows what saving a person published, and the event list finds it.</summary>
public sealed class EventPagesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task EventPage_ShowsThePayloadWithoutTheSecret_AfterAPersonIsSaved()
    {
        var client = await app.CreateSignedInClientAsync();
        var people = app.Services.GetRequiredService<PersonService>();
        var saved = await people.CreateAsync(new PersonInput("Ada Lovelace", "Marylebone", "analytical-engine"), default);

        var html = await client.GetStringAsync($"/events/{saved.Value!.EventId}");

        Assert.Contains("Ada Lovelace", html);
        Assert.Contains("Entity change: Person #", html);
        Assert.DoesNotContain("analytical-engine", html);
        Assert.Contains(saved.Value.EventId!, await client.GetStringAsync("/events?hook=person.saved"));
    }
}
