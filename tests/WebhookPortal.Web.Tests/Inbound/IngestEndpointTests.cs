using System.Net;
using System.Text.Json;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Inbound;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Inbound;

public sealed class IngestEndpointTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private readonly InboundSenders senders = new(app);

    public static TheoryData<InboundScheme> Schemes => new(Enum.GetValues<InboundScheme>());

    public static TheoryData<InboundScheme, string, RejectionReason> Forgeries => new()
    {
        { InboundScheme.StandardWebhooks, "tampered", RejectionReason.SignatureMismatch },
        { InboundScheme.StandardWebhooks, "wrong secret", RejectionReason.SignatureMismatch },
        { InboundScheme.StandardWebhooks, "old", RejectionReason.TimestampOutsideTolerance },
        { InboundScheme.StandardWebhooks, "missing header", RejectionReason.MissingHeader },
        { InboundScheme.GitHub, "tampered", RejectionReason.SignatureMismatch },
        { InboundScheme.GitHub, "wrong secret", RejectionReason.SignatureMismatch },
        { InboundScheme.GitHub, "missing header", RejectionReason.MissingHeader },
        { InboundScheme.Stripe, "tampered", RejectionReason.SignatureMismatch },
        { InboundScheme.Stripe, "wrong secret", RejectionReason.SignatureMismatch },
        { InboundScheme.Stripe, "old", RejectionReason.TimestampOutsideTolerance },
        { InboundScheme.Stripe, "missing header", RejectionReason.MissingHeader },
        { InboundScheme.SharedSecret, "wrong secret", RejectionReason.SignatureMismatch },
        { InboundScheme.SharedSecret, "missing header", RejectionReason.MissingHeader },
    };

    [Theory]
    [MemberData(nameof(Schemes))]
    public async Task Ingest_AnswersAcceptedAndPublishesAnInboundEvent_WhenTheRequestVerifies(InboundScheme scheme)
    {
        var (name, secret) = await senders.CreateSourceAsync(scheme);
        var body = InboundSenders.Body("evt_1");

        var response = await senders.PostAsync(name, body, InboundSenders.Sign(scheme, secret, body, "delivery-1", DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var stored = Assert.Single(await senders.EventsOfAsync(name));
        Assert.Equal(stored.Id, answer.RootElement.GetProperty("eventId").GetString());
        Assert.Equal(stored.DeliveryCount, answer.RootElement.GetProperty("deliveries").GetInt32());
        Assert.Equal(EventOrigin.Inbound, stored.Origin);
        Assert.DoesNotContain("4242", stored.Payload); // only order.paid's provided fields are kept
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Ingest_AnswersUnauthorizedRecordsAndStoresNoEvent_WhenTheRequestDoesNotVerify(
        InboundScheme scheme, string forgery, RejectionReason reason)
    {
        var (name, secret) = await senders.CreateSourceAsync(scheme);
        var body = InboundSenders.Body("evt_2");
        var signedBy = forgery == "wrong secret" ? Forge(secret) : secret;
        var at = forgery == "old" ? DateTimeOffset.UtcNow.AddMinutes(-10) : DateTimeOffset.UtcNow;
        var headers = InboundSenders.Sign(scheme, signedBy, body, "delivery-2", at).Where(h => forgery != "missing header" || h.Name.StartsWith("X-GitHub-D"));

        var response = await senders.PostAsync(name, forgery == "tampered" ? body.Replace("49.9", "0.01") : body, headers);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(text);
        Assert.Equal(reason.ToString(), problem.RootElement.GetProperty("reason").GetString());
        foreach (var (_, value) in InboundSenders.Sign(scheme, secret, body, "delivery-2", at))
        {
            Assert.DoesNotContain(value.Split('=', ',').MaxBy(part => part.Length)!, text); // never the expected signature or secret
        }

        var rejection = (await senders.RejectionsAsync(name)).GetProperty("items")[0];
        Assert.Equal(reason.ToString(), rejection.GetProperty("reason").GetString());
        Assert.Contains("content-type", rejection.GetProperty("headerNames").EnumerateArray().Select(n => n.GetString()));
        Assert.Empty(await senders.EventsOfAsync(name));
    }

    [Theory]
    [InlineData(InboundScheme.StandardWebhooks)]
    [InlineData(InboundScheme.GitHub)]
    [InlineData(InboundScheme.Stripe)]
    public async Task Ingest_StoresOneEvent_WhenTheProviderSendsTheSameDeliveryTwice(InboundScheme scheme)
    {
        var (name, secret) = await senders.CreateSourceAsync(scheme);
        var body = InboundSenders.Body("evt_same");

        var first = await senders.PostAsync(name, body, InboundSenders.Sign(scheme, secret, body, "delivery-3", DateTimeOffset.UtcNow));
        var again = await senders.PostAsync(name, body, InboundSenders.Sign(scheme, secret, body, "delivery-3", DateTimeOffset.UtcNow.AddSeconds(1)));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, again.StatusCode));
        Assert.Equal(await EventIdAsync(first), await EventIdAsync(again));
        Assert.Single(await senders.EventsOfAsync(name));
    }

    [Fact]
    public async Task Ingest_AnswersPayloadTooLargeAndRecords_WhenTheBodyIsOverTheLimit()
    {
        var (name, secret) = await senders.CreateSourceAsync(InboundScheme.StandardWebhooks);
        var body = $$"""{"id":"big","pad":"{{new string('x', 300 * 1024)}}"}""";

        var response = await senders.PostAsync(name, body, InboundSenders.Sign(InboundScheme.StandardWebhooks, secret, body, "d", DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var rejection = (await senders.RejectionsAsync(name)).GetProperty("items")[0];
        Assert.Equal(("PayloadTooLarge", body.Length), (rejection.GetProperty("reason").GetString(), rejection.GetProperty("bodyLength").GetInt32()));
    }

    [Fact]
    public async Task Ingest_AnswersBadRequestAndRecords_WhenAVerifiedBodyIsNotJson()
    {
        var (name, secret) = await senders.CreateSourceAsync(InboundScheme.GitHub);

        var response = await senders.PostAsync(name, "payload=%7B%7D", InboundSenders.Sign(InboundScheme.GitHub, secret, "payload=%7B%7D", "d", DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidPayload", (await senders.RejectionsAsync(name)).GetProperty("items")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Ingest_AnswersNotFoundAsProblemDetails_WhenTheSourceIsUnknownOrDisabled()
    {
        var (name, secret) = await senders.CreateSourceAsync(InboundScheme.StandardWebhooks);
        (await senders.SetEnabledAsync(name, InboundScheme.StandardWebhooks, false)).EnsureSuccessStatusCode();
        var body = InboundSenders.Body("evt_3");

        var unknown = await senders.PostAsync("no-such-source", body, []);
        var disabled = await senders.PostAsync(name, body, InboundSenders.Sign(InboundScheme.StandardWebhooks, secret, body, "d", DateTimeOffset.UtcNow));

        foreach (var response in new[] { unknown, disabled })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using var unknownProblem = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync());
        using var disabledProblem = JsonDocument.Parse(await disabled.Content.ReadAsStringAsync());
        Assert.Equal(unknownProblem.RootElement.GetProperty("detail").GetString(), disabledProblem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(0, (await senders.RejectionsAsync(name)).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Ingest_AnswersMethodNotAllowedWithProblemDetails_RatherThanThePortalsPage_ForAGet()
    {
        var response = await senders.Sender.GetAsync("/ingest/anything");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", string.Join(",", response.Content.Headers.Allow));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("POST only", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync());
    }

    private static string Forge(string secret) => secret.StartsWith("whsec_") && !secret.Contains("stripe")
        ? Core.Listeners.ListenerSecret.Generate()
        : secret + "-but-not-quite";

    private static async Task<string?> EventIdAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("eventId").GetString();
    }
}
