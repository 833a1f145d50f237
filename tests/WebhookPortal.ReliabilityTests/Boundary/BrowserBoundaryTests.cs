using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using WebhookPortal.TestSupport;

namespace WebhookPortal.ReliabilityTests.Boundary;

/// <summary>
/// The browser boundary through the real app in memory: every route's answer carries the Content-Security-Policy
/// (with frame-ancestors) and nosniff; a live connection or a form post from another site's page is refused with 403;
/// a form post without its antiforgery token is refused with 400.
/// </summary>
public sealed partial class BrowserBoundaryTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string Foreign = "https://evil.example";

    [Fact]
    public async Task EveryRoute_AnswersWithTheContentSecurityPolicyAndNosniff_WhateverItsStatus()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var routes = RouteTable.Of(app.Services);
        var paths = routes.Where(r => r.Method == "GET").Select(r => r.Fill(_ => "1"))
            .Concat(["/app.css", "/_framework/blazor.web.js", "/no-such-page", "/api/no-such-route", "/health"]).Distinct().ToList();
        var statuses = new HashSet<int>();

        foreach (var path in paths)
        {
            var response = await client.GetAsync(path);
            statuses.Add((int)response.StatusCode);
            AssertGuarded(response, path);
        }

        foreach (var route in routes.Where(r => r.Method != "GET"))
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), route.Fill(_ => "1")));
            statuses.Add((int)response.StatusCode);
            AssertGuarded(response, route.ToString());
        }

        Console.WriteLine($"boundary: {paths.Count} GET paths and {routes.Count(r => r.Method != "GET")} other routes, answers {string.Join(", ", statuses.Order())}, all with the policy and nosniff");
        Assert.True(paths.Count > 30, $"only {paths.Count} paths were found");
        Assert.Superset(new HashSet<int> { 200, 302, 401, 404 }, statuses); // answers of every kind were looked at
    }

    [Fact]
    public async Task FrameAncestors_IsTheSetting_SoTheHostApplicationMayEmbedTheCustomerLinks()
    {
        await using var embedded = new PortalAppFactory().With("Security:FrameAncestors", "'self' https://app.example.com");

        var response = await embedded.CreateClient().GetAsync("/sign-in");

        Assert.EndsWith("frame-ancestors 'self' https://app.example.com", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("Security:FrameAncestors", "'self'; script-src *", "Security:FrameAncestors must be a space-separated list")]
    [InlineData("Security:AllowedOrigins:0", "https://app.example.com/path", "Security:AllowedOrigins has 'https://app.example.com/path', which is not an origin")]
    public void Startup_StopsWithAMessageNamingTheKey_WhenASecuritySettingIsNotValid(string key, string value, string says)
    {
        using var broken = new PortalAppFactory().With(key, value);

        var failure = Record.Exception(() => broken.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains(says, failure.ToString());
    }

    [Theory]
    [InlineData(Foreign)]
    [InlineData("null")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("http://localhost:8080")] // the portal's host name on another port: another site
    public async Task Negotiate_AnswersForbiddenWithWhy_WhenTheOriginIsAnotherSite(string origin)
    {
        var response = await NegotiateAsync(origin);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("accepts form posts and live connections only from its own pages", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://localhost")]
    [InlineData("HTTP://LOCALHOST:80")]
    [InlineData("https://localhost")] // behind a proxy that ends TLS, the page is https and the request arrives as http
    public async Task Negotiate_Succeeds_WhenTheOriginIsThePortalsOwnOrAbsent(string? origin)
    {
        var response = await NegotiateAsync(origin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("connectionToken", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Negotiate_Succeeds_WhenTheOriginIsAnAllowedOrigin()
    {
        await using var embedded = new PortalAppFactory().With("Security:AllowedOrigins:0", "https://app.example.com");

        var response = await NegotiateAsync("https://app.example.com", embedded.CreateClient());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(Foreign, HttpStatusCode.Forbidden)]
    [InlineData("null", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost", HttpStatusCode.Redirect)]
    public async Task SignInForm_IsRefusedWithoutSigningIn_WhenPostedFromAnotherSite(string origin, HttpStatusCode expected)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var token = await AntiforgeryTokenAsync(client, "/sign-in");
        var request = new HttpRequestMessage(HttpMethod.Post, "/sign-in") { Content = SignIn(token) };
        request.Headers.Add("Origin", origin);

        var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        var signedIn = response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("WebhookPortal.Session=", StringComparison.Ordinal));
        Assert.Equal(expected == HttpStatusCode.Redirect, signedIn);
    }

    [Fact]
    public async Task SignOutForm_IsRefused_WhenPostedFromAnotherSite()
    {
        using var client = await app.CreateSignedInClientAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/sign-out");
        request.Headers.Add("Origin", Foreign);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode); // still signed in
    }

    [Fact]
    public async Task SignInForm_AnswersBadRequest_WithoutItsAntiforgeryToken()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await client.GetAsync("/sign-in"); // the antiforgery cookie is there; only the form field is missing

        var response = await client.PostAsync("/sign-in", SignIn(token: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("WebhookPortal.Session=", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Every page and form endpoint accepts a post only with its token: walked from the route table, signed in as the first
    /// admin. The API, ingest and the receiver's sink are not forms: they authenticate each call or are public by design.
    /// </summary>
    [Fact]
    public async Task EveryPagePost_AnswersBadRequest_WithoutAnAntiforgeryToken()
    {
        using var client = await app.CreateSignedInClientAsync();
        var posts = RouteTable.Of(app.Services).Where(r => r.Method == "POST" && !new[] { "/api", "/ingest", "/receiver" }.Any(r.Pattern.StartsWith))
            .Select(r => r.Fill(_ => "1")).Distinct().ToList();

        foreach (var path in posts)
        {
            var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "x" }));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {path} without a token answered {(int)response.StatusCode}");
        }

        Assert.Contains("/sign-in", posts);
        Assert.Contains("/sign-out", posts);
        Assert.Contains("/listeners/new", posts);
    }

    private async Task<HttpResponseMessage> NegotiateAsync(string? origin, HttpClient? client = null)
    {
        client ??= app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await client.SendAsync(request);
    }

    private static void AssertGuarded(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var policy), $"{what} ({(int)response.StatusCode}) has no Content-Security-Policy");
        Assert.Matches("frame-ancestors 'self'$", policy.Single());
        Assert.Contains("script-src 'self';", policy.Single());
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff) && nosniff.Single() == "nosniff", $"{what} has no nosniff");
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page) =>
        WebUtility.HtmlDecode(AntiforgeryField().Match(await client.GetStringAsync(page)).Groups[1].Value);

    private static FormUrlEncodedContent SignIn(string? token)
    {
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["Input.Email"] = PortalAppFactory.AdminEmail,
            ["Input.Password"] = PortalAppFactory.AdminPassword,
        };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        return new FormUrlEncodedContent(fields);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
