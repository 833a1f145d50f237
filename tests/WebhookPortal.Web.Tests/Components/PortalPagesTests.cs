using System.Net;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Components;

/// <summary>The portal's pages render on the server with the demo data, and the Blazor script is served.</summary>
public sealed class PortalPagesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData("/", "Dashboard")]
    [InlineData("/hooks", "order.paid")]
    [InlineData("/hooks/order.paid", "customer.email")]
    [InlineData("/hooks/new", "Create hook")]
    [InlineData("/hooks/order.paid/edit", "Save changes")]
    [InlineData("/hooks/person.saved/edit", "Defined in the application&#x27;s code")]
    [InlineData("/people", "Add person")]
    [InlineData("/events", "Filter by origin")]
    [InlineData("/sources", "New source")]
    [InlineData("/sources/new", "Verification scheme")]
    public async Task Page_AnswersOkWithItsContent(string path, string expected)
    {
        var response = await (await app.CreateSignedInClientAsync()).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/events/evt_nosuchevent", "No event has the id")]
    [InlineData("/sources/no-such-source", "No inbound source is named")]
    [InlineData("/hooks/no.such.hook", "No hook is named")]
    public async Task Page_AnswersNotFoundWithItsMessage_WhenTheResourceDoesNotExist(string path, string expected)
    {
        var response = await (await app.CreateSignedInClientAsync()).GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Catalogue_ListsEveryDemoHook_InThePrerenderedGrid()
    {
        var html = await (await app.CreateSignedInClientAsync()).GetStringAsync("/hooks");

        Assert.Contains(">person.saved<", html);
        Assert.Contains(">person.deleted<", html);
        Assert.Contains(">order.paid<", html);
        Assert.DoesNotContain("No hook matches", html);
    }

    [Fact]
    public async Task BlazorScript_IsServed()
    {
        var response = await (await app.CreateSignedInClientAsync()).GetAsync("/_framework/blazor.web.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 10_000);
    }

    [Theory]
    [InlineData("/_content/Radzen.Blazor/css/material-base.css")]
    [InlineData("/_content/Radzen.Blazor/Radzen.Blazor.js")]
    [InlineData("/portal.js")]
    public async Task StaticAsset_IsServed(string path)
    {
        var response = await (await app.CreateSignedInClientAsync()).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnknownAddress_AnswersNotFoundWithAPageThatSaysSo()
    {
        var response = await (await app.CreateSignedInClientAsync()).GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }
}
