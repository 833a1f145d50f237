using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Audit;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Web.Tests.Accounts;

/// <summary>Replay, one and in bulk, queues the delivery again as a replay by the person who asked, and writes its audit rows.</summary>
public sealed class ReplayAndAuditTests(TenancyFixture app) : IClassFixture<TenancyFixture>
{
    [Fact]
    public async Task Replay_QueuesTheDeliveryAsAReplayBySupport_AndAuditsIt()
    {
        var delivery = await app.FailedDeliveryOfAsync(app.ListenerA);

        var response = await app.Client(app.SupportKey).PostAsync($"/api/deliveries/{delivery}/replay", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await using var db = await DbAsync();
        var row = await db.Deliveries.SingleAsync(d => d.Id == delivery);
        Assert.Equal(("Pending", "Replay", "support@example.com"), (row.Status.ToString(), row.NextTrigger.ToString(), row.NextTriggeredBy));
        var audit = await db.AuditEntries.Where(e => e.TargetId == delivery).ToListAsync();
        Assert.Equal(AuditActions.DeliveryReplayed, Assert.Single(audit).Action);
        Assert.Equal(app.Support.Id, audit[0].ActorAccountId);
    }

    [Fact]
    public async Task Replay_AnswersConflictThatSaysWhy_WhenTheDeliveryIsNotFinished()
    {
        await app.PublishAsync();
        await using var db = await DbAsync();
        var pending = await db.Deliveries.Where(d => d.ListenerId == app.ListenerB && d.Status == Core.Deliveries.DeliveryStatus.Pending).Select(d => d.Id).FirstAsync();

        var response = await app.Client(app.SupportKey).PostAsync($"/api/deliveries/{pending}/replay", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("only finished deliveries are replayed", await response.Content.ReadAsStringAsync());
        Assert.Empty(await db.AuditEntries.Where(e => e.TargetId == pending).ToListAsync());
    }

    [Fact]
    public async Task BulkReplay_CountsFirst_ThenQueuesEveryFinishedMatch_InTheBackground_WithOneAuditRow()
    {
        var failed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await app.PublishAsync();
            failed.Add(await app.FailedDeliveryOfAsync(app.ListenerB));
        }

        var client = app.Client(app.SupportKey);
        var filter = new { listenerId = app.ListenerB, status = "Failed" };
        using var counted = JsonDocument.Parse(await (await client.PostAsJsonAsync("/api/deliveries/replay?dryRun=true", filter)).Content.ReadAsStringAsync());
        var total = counted.RootElement.GetProperty("total").GetInt32();
        var started = await client.PostAsJsonAsync("/api/deliveries/replay", filter);
        using var job = JsonDocument.Parse(await started.Content.ReadAsStringAsync());
        var jobId = job.RootElement.GetProperty("jobId").GetString();
        var done = await WaitForJobAsync(client, jobId!);

        Assert.True(total >= 3, $"at least the 3 failed deliveries match, counted {total}");
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal(total, job.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(total, done.GetProperty("queued").GetInt32());
        await using var db = await DbAsync();
        var rows = await db.Deliveries.Where(d => failed.Contains(d.Id)).ToListAsync();
        Assert.All(rows, d => Assert.Equal(("Pending", "Replay"), (d.Status.ToString(), d.NextTrigger.ToString())));
        var audit = Assert.Single(await db.AuditEntries.Where(e => e.TargetId == jobId).ToListAsync());
        Assert.Equal(AuditActions.BulkReplayStarted, audit.Action);
        Assert.Contains($"\"total\":{total}", audit.After);
    }

    [Fact]
    public async Task ListenerChanges_WriteAuditRowsWithBeforeAndAfter_AndNeverTheSecretOrHeaderValues()
    {
        var client = app.Client(TestSupport.PortalAppFactory.AdminKey);
        var created = await client.PostAsJsonAsync("/api/listeners", new
        {
            hook = "order.paid", url = "https://audited.example/", headers = new[] { new { name = "Authorization", value = "Bearer top-secret-token" } },
        });
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var (id, secret) = (body.RootElement.GetProperty("id").GetString()!, body.RootElement.GetProperty("secret").GetString()!);
        await client.PostAsync($"/api/listeners/{id}/disable", null);
        await client.GetAsync($"/api/listeners/{id}/secret");
        await client.PostAsync($"/api/listeners/{id}/rotate-secret", null);
        await client.DeleteAsync($"/api/listeners/{id}");

        await using var db = await DbAsync();
        var audit = await db.AuditEntries.Where(e => e.TargetId == id).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(
            [AuditActions.ListenerCreated, AuditActions.ListenerDisabled, AuditActions.SecretRevealed, AuditActions.SecretRotated, AuditActions.ListenerDeleted],
            audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal("admin API key", e.ActorName));
        var everything = string.Join("\n", audit.Select(e => $"{e.Summary} {e.Before} {e.After}"));
        Assert.DoesNotContain(secret, everything);
        Assert.DoesNotContain("top-secret-token", everything);
        Assert.Contains("https://audited.example/", audit[0].After);
    }

    [Fact]
    public async Task AuditEntries_CannotBeChangedOrDeleted_InTheDatabase()
    {
        await using var db = await DbAsync();
        db.AuditEntries.Add(new AuditEntry { At = DateTimeOffset.UtcNow, ActorName = "test", Action = "test.entry", TargetType = "test", Summary = "kept" });
        await db.SaveChangesAsync();

        var update = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET summary = 'changed'"));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries"));

        Assert.Contains("append-only", update.Message);
        Assert.Contains("append-only", delete.Message);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Summary == "kept"));
    }

    [Fact]
    public async Task SignIn_LocksTheAccountAfterRepeatedFailures_AndAuditsEachFailure()
    {
        var accounts = app.Services.GetRequiredService<AccountService>();
        var victim = (await accounts.CreateAsync(Actor.System, new AccountInput("lock-me@example.com", null, AccountRole.Support, TenancyFixture.Password), default)).Value!;

        for (var i = 0; i < 5; i++)
        {
            Assert.False((await accounts.SignInAsync(victim.Email, "wrong-password-guess", default)).Succeeded);
        }

        var withRightPassword = await accounts.SignInAsync(victim.Email, TenancyFixture.Password, default);

        Assert.True(withRightPassword.LockedOut);
        await using var db = await DbAsync();
        var actions = await db.AuditEntries.Where(e => e.TargetId == victim.Id.ToString() && e.Action.StartsWith("sign-in")).Select(e => e.Action).ToListAsync();
        Assert.Equal(6, actions.Count(a => a == AuditActions.SignInFailed));
        Assert.Single(actions, a => a == AuditActions.AccountLockedOut);
    }

    private static async Task<JsonElement> WaitForJobAsync(HttpClient client, string jobId)
    {
        for (var i = 0; i < 100; i++)
        {
            using var job = JsonDocument.Parse(await client.GetStringAsync($"/api/deliveries/replay/{jobId}"));
            if (job.RootElement.GetProperty("completed").GetBoolean())
            {
                return job.RootElement.Clone();
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The bulk replay {jobId} did not finish within 10 s.");
    }

    private Task<PortalDbContext> DbAsync() => app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
}
