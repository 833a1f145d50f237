using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Core.Inbound;
using WebhookPortal.Core.Persistence;
using WebhookPortal.TestSupport;
using WebhookPortal.Web.Tests.Inbound;

namespace WebhookPortal.ReliabilityTests.Hostile;

/// <summary>
/// Forgeries the ingest tests of the web project do not send (they cover a tampered body, a wrong secret, an old
/// timestamp and a missing header): signed headers altered after signing, timestamps from the future, garbage and
/// repeated signature headers, signatures of a version the scheme does not use, and a captured request replayed once
/// its timestamp is old. Each is 401 with its reason, recorded as a rejection the admin sees (a row more in the
/// database and in <c>/api/sources/{name}/rejections</c>), and stores no event.
/// </summary>
public sealed class IngestForgeryTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private readonly InboundSenders senders = new(app);

    public static TheoryData<InboundScheme, string, RejectionReason> Forgeries => new()
    {
        { InboundScheme.StandardWebhooks, "timestamp moved after signing", RejectionReason.SignatureMismatch },
        { InboundScheme.StandardWebhooks, "webhook-id changed after signing", RejectionReason.SignatureMismatch },
        { InboundScheme.StandardWebhooks, "timestamp 10 minutes ahead", RejectionReason.TimestampOutsideTolerance },
        { InboundScheme.StandardWebhooks, "signature not base64", RejectionReason.MalformedHeader },
        { InboundScheme.StandardWebhooks, "only a v2 signature", RejectionReason.MalformedHeader },
        { InboundScheme.StandardWebhooks, "timestamp not a number", RejectionReason.MalformedHeader },
        { InboundScheme.StandardWebhooks, "signature header twice", RejectionReason.MalformedHeader },
        { InboundScheme.StandardWebhooks, "empty signature", RejectionReason.MissingHeader },
        { InboundScheme.StandardWebhooks, "replayed after 6 minutes", RejectionReason.TimestampOutsideTolerance },
        { InboundScheme.Stripe, "timestamp moved after signing", RejectionReason.SignatureMismatch },
        { InboundScheme.Stripe, "timestamp 10 minutes ahead", RejectionReason.TimestampOutsideTolerance },
        { InboundScheme.Stripe, "signature not hex", RejectionReason.MalformedHeader },
        { InboundScheme.Stripe, "only a v0 signature", RejectionReason.MalformedHeader },
        { InboundScheme.Stripe, "timestamp not a number", RejectionReason.MalformedHeader },
        { InboundScheme.Stripe, "signature header twice", RejectionReason.MalformedHeader },
        { InboundScheme.Stripe, "empty signature", RejectionReason.MissingHeader },
        { InboundScheme.Stripe, "replayed after 6 minutes", RejectionReason.TimestampOutsideTolerance },
        { InboundScheme.GitHub, "signature not hex", RejectionReason.MalformedHeader },
        { InboundScheme.GitHub, "only the sha1 signature", RejectionReason.MissingHeader },
        { InboundScheme.GitHub, "signature header twice", RejectionReason.MalformedHeader },
        { InboundScheme.GitHub, "empty signature", RejectionReason.MissingHeader },
        { InboundScheme.GitHub, "secret's prefix as the signature", RejectionReason.MalformedHeader },
        { InboundScheme.SharedSecret, "token with a character changed", RejectionReason.SignatureMismatch },
        { InboundScheme.SharedSecret, "token's prefix", RejectionReason.SignatureMismatch },
        { InboundScheme.SharedSecret, "token header twice", RejectionReason.MalformedHeader },
        { InboundScheme.SharedSecret, "empty token", RejectionReason.MissingHeader },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Ingest_AnswersUnauthorizedRecordsTheRejectionAndStoresNoEvent(InboundScheme scheme, string forgery, RejectionReason reason)
    {
        var (name, secret) = await senders.CreateSourceAsync(scheme);
        var body = InboundSenders.Body("evt_forged");
        var at = forgery switch
        {
            "timestamp 10 minutes ahead" => DateTimeOffset.UtcNow.AddMinutes(10),
            "replayed after 6 minutes" => DateTimeOffset.UtcNow.AddMinutes(-6), // as captured 6 minutes ago, past the 5-minute tolerance
            _ => DateTimeOffset.UtcNow,
        };
        var headers = Forge(scheme, forgery, InboundSenders.Sign(scheme, secret, body, "msg_forged", at).ToList());
        var rowsBefore = await RejectionRowsAsync();

        var response = await senders.PostAsync(name, body, headers);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{(int)response.StatusCode} {text}");
        using (var problem = JsonDocument.Parse(text))
        {
            Assert.Equal(reason.ToString(), problem.RootElement.GetProperty("reason").GetString());
            Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
        }

        Assert.DoesNotContain(secret, text);
        Assert.Equal(rowsBefore + 1, await RejectionRowsAsync());
        var seen = (await senders.RejectionsAsync(name)).GetProperty("items");
        Assert.Equal(reason.ToString(), Assert.Single(seen.EnumerateArray()).GetProperty("reason").GetString());
        Assert.Empty(await senders.EventsOfAsync(name));
    }

    /// <summary>
    /// The same request, verified and accepted once, is refused when replayed after the tolerance (5 minutes) has passed:
    /// the app runs on a clock the test moves, so the replay is 6 minutes later without waiting for them.
    /// </summary>
    [Theory]
    [InlineData(InboundScheme.StandardWebhooks)]
    [InlineData(InboundScheme.Stripe)]
    public async Task Ingest_RefusesACapturedRequest_ReplayedOnceItsTimestampIsOld(InboundScheme scheme)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var later = new ClockedPortal(clock);
        var laterSenders = new InboundSenders(later);
        var (name, secret) = await laterSenders.CreateSourceAsync(scheme);
        var body = InboundSenders.Body("evt_captured");
        var captured = InboundSenders.Sign(scheme, secret, body, "msg_captured", clock.GetUtcNow());

        var first = await laterSenders.PostAsync(name, body, captured);
        clock.Advance(TimeSpan.FromMinutes(6));
        var replayed = await laterSenders.PostAsync(name, body, captured);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Contains(nameof(RejectionReason.TimestampOutsideTolerance), await replayed.Content.ReadAsStringAsync());
        Assert.Single(await laterSenders.EventsOfAsync(name));
        Assert.Equal(nameof(RejectionReason.TimestampOutsideTolerance),
            (await laterSenders.RejectionsAsync(name)).GetProperty("items")[0].GetProperty("reason").GetString());
    }

    /// <summary>The portal on a clock the test moves.</summary>
    private sealed class ClockedPortal(TimeProvider clock) : PortalAppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton(clock));
        }
    }

    private static List<(string Name, string Value)> Forge(InboundScheme scheme, string forgery, List<(string Name, string Value)> headers)
    {
        var signatureHeader = scheme switch
        {
            InboundScheme.StandardWebhooks => "webhook-signature",
            InboundScheme.GitHub => "X-Hub-Signature-256",
            InboundScheme.Stripe => "Stripe-Signature",
            _ => "X-Webhook-Token",
        };
        var signature = headers.Single(h => h.Name == signatureHeader).Value;
        void Set(string header, string value) => headers[headers.FindIndex(h => h.Name == header)] = (header, value);

        switch (forgery)
        {
            case "timestamp moved after signing" when scheme == InboundScheme.Stripe:
                var t = long.Parse(signature.Split(',')[0][2..]);
                Set(signatureHeader, signature.Replace($"t={t}", $"t={t + 1}"));
                break;
            case "timestamp moved after signing":
                Set("webhook-timestamp", (long.Parse(headers.Single(h => h.Name == "webhook-timestamp").Value) + 1).ToString());
                break;
            case "webhook-id changed after signing":
                Set("webhook-id", "msg_other");
                break;
            case "signature not base64":
                Set(signatureHeader, "v1,!!!not-base64!!!");
                break;
            case "only a v2 signature":
                Set(signatureHeader, signature.Replace("v1,", "v2,"));
                break;
            case "timestamp not a number" when scheme == InboundScheme.Stripe:
                Set(signatureHeader, "t=soon," + signature.Split(',')[1]);
                break;
            case "timestamp not a number":
                Set("webhook-timestamp", "soon");
                break;
            case "signature header twice" or "token header twice":
                headers.Add((signatureHeader, signature));
                break;
            case "empty signature" or "empty token":
                Set(signatureHeader, "");
                break;
            case "signature not hex" when scheme == InboundScheme.Stripe:
                Set(signatureHeader, signature.Split(',')[0] + ",v1=" + new string('z', 64));
                break;
            case "signature not hex":
                Set(signatureHeader, "sha256=" + new string('z', 64));
                break;
            case "only a v0 signature":
                Set(signatureHeader, signature.Replace(",v1=", ",v0="));
                break;
            case "only the sha1 signature":
                headers.RemoveAll(h => h.Name == signatureHeader);
                headers.Add(("X-Hub-Signature", "sha1=" + new string('0', 40)));
                break;
            case "secret's prefix as the signature":
                Set(signatureHeader, signature[..20]);
                break;
            case "token with a character changed":
                Set(signatureHeader, signature[..^1] + (signature[^1] == 'x' ? 'y' : 'x'));
                break;
            case "token's prefix":
                Set(signatureHeader, signature[..^1]);
                break;
        }

        return headers;
    }

    private async Task<int> RejectionRowsAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.InboundRejections.CountAsync();
    }
}
