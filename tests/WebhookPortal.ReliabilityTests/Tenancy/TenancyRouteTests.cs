using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Core.Persistence;
using WebhookPortal.ReliabilityTests.Boundary;
using WebhookPortal.Web.Tests.Accounts;

namespace WebhookPortal.ReliabilityTests.Tenancy;

/// <summary>
/// Tenancy over every route the app has, enumerated from its endpoint table, so a route added later is covered or makes
/// this test fail until it says whose resource the route takes. Customer A asking for customer B's resource gets exactly
/// the answer it gets for an id that does not exist (404, or the 403/not-allowed its role gets whatever the id), never
/// 200; support changes no listener; anonymous callers get 401 from the API and the sign-in page from the portal.
/// </summary>
public sealed class TenancyRouteTests(TenancyFixture app) : IClassFixture<TenancyFixture>
{
    private const string ListenerBody = """{"hook":"order.paid","url":"https://a.example/taken","enabled":true}""";

    [Fact]
    public async Task EveryApiRoute_AnswersCustomerAForCustomerBsResource_AsForAnIdThatDoesNotExist()
    {
        var resources = await ResourcesOfBAsync();
        var before = await SnapshotOfBAsync();
        using var a = app.Client(app.KeyA);
        var failures = new List<string>();
        var routes = RouteTable.Of(app.Services).Where(r => r.Pattern.StartsWith("/api/", StringComparison.Ordinal) && r.Parameters.Count > 0).ToList();

        foreach (var route in routes.Where(r => resources.BelongsToACustomer(r.Pattern)))
        {
            var (owned, missing) = (route.Fill(p => resources.Of(route.Pattern, p).Owned), route.Fill(p => resources.Of(route.Pattern, p).Missing));
            var forB = await SendAsync(a, route.Method, owned);
            var forNothing = await SendAsync(a, route.Method, missing);
            if (forB.IsSuccessStatusCode || forB.StatusCode != forNothing.StatusCode ||
                (resources.IsTenantOwned(route.Pattern) && forB.StatusCode != HttpStatusCode.NotFound))
            {
                failures.Add($"{route.Method} {owned}: {(int)forB.StatusCode} for B's resource, {(int)forNothing.StatusCode} for none");
            }
        }

        var checkedRoutes = routes.Count(r => resources.BelongsToACustomer(r.Pattern));
        Console.WriteLine($"tenancy: {checkedRoutes} of {routes.Count} API routes with an id name a customer's resource; all answered A for B as for nothing");
        Assert.Empty(failures);
        Assert.True(checkedRoutes >= 18, $"only {checkedRoutes} API routes with a customer's resource were found");
        Assert.Equal(before, await SnapshotOfBAsync()); // nothing of B's changed
    }

    [Fact]
    public async Task EveryPageWithAnId_AnswersCustomerAForCustomerBsResource_AsForAnIdThatDoesNotExist()
    {
        var resources = await ResourcesOfBAsync();
        using var a = await app.CreateSignedInClientAsync("a@customer-a.example", TenancyFixture.Password);
        var failures = new List<string>();
        var pages = RouteTable.Of(app.Services).Where(r => r.IsPage && r.Method == "GET" && r.Parameters.Count > 0).ToList();

        foreach (var page in pages.Where(p => resources.BelongsToACustomer(p.Pattern)))
        {
            var (owned, missing) = (page.Fill(p => resources.Of(page.Pattern, p).Owned), page.Fill(p => resources.Of(page.Pattern, p).Missing));
            var forB = await a.GetAsync(owned);
            var forNothing = await a.GetAsync(missing);
            var bText = await forB.Content.ReadAsStringAsync();
            var leaked = bText.Contains("https://b.example/hooks", StringComparison.Ordinal) || bText.Contains("b@customer-b.example", StringComparison.Ordinal);
            if (leaked || forB.StatusCode != forNothing.StatusCode || Landed(forB) != Landed(forNothing) ||
                (resources.IsTenantOwned(page.Pattern) && forB.StatusCode != HttpStatusCode.NotFound))
            {
                failures.Add($"{owned}: {(int)forB.StatusCode} at {Landed(forB)} for B's, {(int)forNothing.StatusCode} at {Landed(forNothing)} for none{(leaked ? ", and B's data is on the page" : "")}");
            }
        }

        Console.WriteLine($"tenancy: {pages.Count(p => resources.BelongsToACustomer(p.Pattern))} of {pages.Count} pages with an id checked");
        Assert.Empty(failures);
        Assert.Contains(pages, p => p.Pattern == "/listeners/{Id}");
        Assert.Contains(pages, p => p.Pattern == "/deliveries/{Id}");
    }

    [Fact]
    public async Task Support_ChangesNoListener_ThroughAnyListenerRoute()
    {
        var before = await SnapshotOfAsync(app.ListenerA);
        using var support = app.Client(app.SupportKey);
        var failures = new List<string>();
        var changes = RouteTable.Of(app.Services).Where(r => r.Pattern.StartsWith("/api/listeners", StringComparison.Ordinal) && r.Method != "GET").ToList();

        foreach (var route in changes)
        {
            var response = await SendAsync(support, route.Method, route.Fill(_ => app.ListenerA));
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Forbidden || !text.Contains("Only admins", StringComparison.Ordinal))
            {
                failures.Add($"{route}: {(int)response.StatusCode} {text}");
            }
        }

        Assert.Empty(failures);
        Assert.True(changes.Count >= 6, $"only {changes.Count} listener changes were found");
        Assert.Equal(before, await SnapshotOfAsync(app.ListenerA));
    }

    [Fact]
    public async Task Support_SeesTheListenerPageWithoutItsForm_AndIsNotAllowedToMakeOne()
    {
        using var support = await app.CreateSignedInClientAsync("support@example.com", TenancyFixture.Password);

        var listener = await support.GetStringAsync($"/listeners/{app.ListenerA}");
        var create = await support.GetAsync("/listeners/new");

        Assert.Contains("https://a.example/hooks", listener);
        Assert.DoesNotContain(">Save<", listener, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Delete listener", listener, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("/not-allowed", create.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Anonymous_GetsUnauthorizedFromEveryApiRoute_AndTheSignInPageFromEveryPage()
    {
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var failures = new List<string>();
        var routes = RouteTable.Of(app.Services);

        foreach (var route in routes.Where(r => r.Pattern.StartsWith("/api/", StringComparison.Ordinal)))
        {
            var response = await SendAsync(anonymous, route.Method, route.Fill(_ => "1"));
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{route}: {(int)response.StatusCode}");
            }
        }

        var publicPages = PublicPages();
        foreach (var page in routes.Where(r => r.IsPage && r.Method == "GET" && !publicPages.Contains(r.Pattern)))
        {
            var response = await anonymous.GetAsync(page.Fill(_ => "1"));
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.StartsWith("http://localhost/sign-in", StringComparison.Ordinal) != true)
            {
                failures.Add($"{page}: {(int)response.StatusCode} to {response.Headers.Location}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(["/error", "/not-allowed", "/not-found", "/sign-in"], publicPages.Order(StringComparer.Ordinal));
    }

    /// <summary>The pages anyone may open, read from the endpoints' own metadata rather than listed by hand.</summary>
    private HashSet<string> PublicPages() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null && e.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).ToHashSet();

    private static string Landed(HttpResponseMessage response) => response.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[1];

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent(path.Contains("/listeners/") ? ListenerBody : "{}", Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return client.SendAsync(request);
    }

    private async Task<Resources> ResourcesOfBAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return new Resources(
            app.ListenerB, app.DeliveryB,
            await db.Deliveries.Where(d => d.Id == app.DeliveryB).Select(d => d.EventId).SingleAsync(),
            app.CustomerB.Id, await db.ApiKeys.Where(k => k.AccountId == app.CustomerB.Id).Select(k => k.Id).FirstAsync());
    }

    private Task<string> SnapshotOfBAsync() => SnapshotOfAsync(app.ListenerB);

    /// <summary>What a change to the listener, its deliveries or its owner's keys would alter.</summary>
    private async Task<string> SnapshotOfAsync(string listenerId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var listener = await db.Listeners.IgnoreQueryFilters().AsNoTracking().SingleAsync(l => l.Id == listenerId);
        var deliveries = await db.Deliveries.Where(d => d.ListenerId == listenerId).Select(d => d.Id + ":" + d.Status + ":" + d.AttemptCount).ToListAsync();
        var keys = await db.ApiKeys.Where(k => k.AccountId == listener.OwnerAccountId).Select(k => k.Id + ":" + k.RevokedAt).ToListAsync();
        return $"{listener.Url} {listener.Enabled} {listener.Secret} {listener.Version} {string.Join(",", deliveries)} {string.Join(",", keys)}";
    }

    /// <summary>B's resource and a missing one for each route parameter; a route not known here fails the test by name.</summary>
    private sealed record Resources(string Listener, string Delivery, string Event, int Account, int Key)
    {
        /// <summary>Hooks, sources and receiver buckets belong to the installation; every other resource may be a customer's.</summary>
        public bool BelongsToACustomer(string pattern) =>
            Area(pattern) is not ("hooks" or "sources" or "receiver");

        public bool IsTenantOwned(string pattern) =>
            pattern.StartsWith("/api/listeners/", StringComparison.Ordinal) || pattern.StartsWith("/listeners/{", StringComparison.Ordinal) ||
            (pattern.StartsWith("/api/deliveries/{", StringComparison.Ordinal) || pattern.StartsWith("/deliveries/{", StringComparison.Ordinal));

        public (string Owned, string Missing) Of(string pattern, string parameter)
        {
            return (Area(pattern), parameter.ToLowerInvariant()) switch
            {
                ("listeners", "id") => (Listener, "lst_00000000000000000000000000"),
                ("deliveries", "id") => (Delivery, "dlv_00000000000000000000000000"),
                ("deliveries", "jobid") => ("1", "999999"),
                ("events", "id") => (Event, "evt_00000000000000000000000000"),
                ("accounts", "id") => (Account.ToString(), "999999"),
                ("api-keys", "id") => (Key.ToString(), "999999"),
                _ => throw new InvalidOperationException(
                    $"{pattern} takes a {parameter} this test does not know: say which of customer B's resources it names."),
            };
        }

        private static string Area(string pattern) => pattern.Replace("/api/", "/", StringComparison.Ordinal).Split('/')[1];
    }
}
