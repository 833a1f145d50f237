using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Core.Accounts;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Accounts;

/// <summary>The role matrix through the pages: sign-in cookies and customer links, each seeing exactly its own.</summary>
public sealed class CustomerPagesTests(TenancyFixture app) : IClassFixture<TenancyFixture>
{
    [Fact]
    public async Task DeliveryPage_ShowsTheOwnersDelivery_AndAnotherCustomerNothing()
    {
        var a = await app.CreateSignedInClientAsync("a@customer-a.example", TenancyFixture.Password);
        var b = await app.CreateSignedInClientAsync("b@customer-b.example", TenancyFixture.Password);

        var own = await a.GetStringAsync($"/deliveries/{app.DeliveryA}");
        var refused = await b.GetAsync($"/deliveries/{app.DeliveryA}");
        var other = await refused.Content.ReadAsStringAsync();

        Assert.Contains("https://a.example/hooks", own);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("No such delivery", other);
        Assert.DoesNotContain("https://a.example/hooks", other);
    }

    [Fact]
    public async Task AdminPages_SayNotAllowed_ToSupport_AndSendAnonymousToSignIn()
    {
        var support = await app.CreateSignedInClientAsync("support@example.com", TenancyFixture.Password);
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var refused = await support.GetStringAsync("/accounts");
        var redirected = await anonymous.GetAsync("/deliveries");

        Assert.Contains("Not allowed", refused);
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.StartsWith("/sign-in", redirected.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task HookPage_OffersSendTestEvent_ToAdmins_AndNotToSupport()
    {
        var support = await app.CreateSignedInClientAsync("support@example.com", TenancyFixture.Password);
        var admin = await app.CreateSignedInClientAsync();

        var ofSupport = await support.GetStringAsync("/hooks/order.paid");
        var ofAdmin = await admin.GetStringAsync("/hooks/order.paid");

        Assert.Contains("Where its events come from", ofSupport); // the page itself is there for support
        Assert.DoesNotContain("Send test event", ofSupport);
        Assert.Contains("Send test event", ofAdmin);
    }

    [Fact]
    public async Task SignIn_SaysTheSameThingForAnUnknownEmailAndAWrongPassword()
    {
        var unknown = await SignInForm.PostAsync(app.CreateClient(), "nobody@example.com", "whatever-password");
        var wrong = await SignInForm.PostAsync(app.CreateClient(), "b@customer-b.example", "not-the-password");

        Assert.Contains("The email or password is not right.", await unknown.Content.ReadAsStringAsync());
        Assert.Contains("The email or password is not right.", await wrong.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CustomerLink_OpensOnlyThatCustomersHistory_UntilItIsRevoked()
    {
        var links = app.Services.GetRequiredService<CustomerLinkService>();
        var link = (await links.CreateAsync(Actor.System, app.CustomerA.Id, TimeSpan.FromHours(1), default)).Value!;
        var browser = app.CreateClient();

        var opened = await browser.GetAsync($"/links/{link.Token}");
        var history = await opened.Content.ReadAsStringAsync();
        await links.RevokeAllAsync(Actor.System, app.CustomerA.Id, default);
        var afterRevoke = await browser.GetAsync("/deliveries");
        var reopened = await app.CreateClient().GetAsync($"/links/{link.Token}");

        Assert.Equal("/deliveries", opened.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("https://a.example/hooks", history);
        Assert.DoesNotContain("https://b.example/hooks", history);
        Assert.Equal("/sign-in", afterRevoke.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("expired or was revoked", await reopened.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CustomerLink_IsRefused_WhenItsTokenWasAltered()
    {
        var links = app.Services.GetRequiredService<CustomerLinkService>();
        var token = (await links.CreateAsync(Actor.System, app.CustomerB.Id, TimeSpan.FromHours(1), default)).Value!.Token;
        var altered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        var response = await app.CreateClient().GetAsync($"/links/{altered}");

        Assert.Equal("/sign-in", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("expired or was revoked", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CustomerLink_IsRefused_OnceExpired_AndLifetimesOutsideOneHourToSevenDaysAreRefused()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var links = new CustomerLinkService(app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Core.Persistence.PortalDbContext>>(), clock);
        var link = (await links.CreateAsync(Actor.System, app.CustomerA.Id, TimeSpan.FromHours(1), default)).Value!;

        var whileValid = await links.OpenAsync(link.Token, default);
        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var afterExpiry = await links.OpenAsync(link.Token, default);
        var tooShort = await links.CreateAsync(Actor.System, app.CustomerA.Id, TimeSpan.FromMinutes(59), default);
        var tooLong = await links.CreateAsync(Actor.System, app.CustomerA.Id, TimeSpan.FromDays(8), default);

        Assert.NotNull(whileValid);
        Assert.Null(afterExpiry);
        Assert.Contains("1 hour to 7 days", tooShort.Error!.Fields!["lifetime"][0]);
        Assert.False(tooLong.Succeeded);
    }
}
