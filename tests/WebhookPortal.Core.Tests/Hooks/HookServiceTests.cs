using WebhookPortal.Core.Accounts;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebhookPortal.Core.Audit;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Demo;
using WebhookPortal.Core.Hooks;
using WebhookPortal.Core.Listeners;
using WebhookPortal.Core.Persistence;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Hooks;

public sealed class HookServiceTests : IAsyncLifetime
{
    private readonly TempFolder folder = new();
    private readonly ManualClock clock = new();
    private IHost host = default!;
    private HookService service = default!;

    public async Task InitializeAsync()
    {
        host = CoreHost.Build(folder, clock,
            hooks => hooks.OnEntity<Person>(EntityChangeKind.Saved, "person.saved", "A person was saved.", ["id", "name"]),
            ("Portal:SeedDemoData", "false"));
        await host.StartAsync();
        service = host.Services.GetRequiredService<HookService>();
    }

    private static HookDefinition Invoice(
        string name = "invoice.sent", string? sample = """{"id":"inv_1","customer":{"email":"jane@example.com"}}""") => new()
    {
        Name = name,
        Description = "An invoice was sent to a customer.",
        ProvidedFields = ["id", "customer.email", "total"],
        SamplePayload = sample,
    };

    [Fact]
    public async Task Create_StoresAPortalHookWithCompactSampleAndTimes()
    {
        var result = await service.CreateAsync(Actor.System, Invoice(sample: "{\n  \"id\": \"inv_1\",\n  \"total\": 12.5\n}"), default);

        Assert.True(result.Succeeded);
        var stored = await FindAsync("invoice.sent");
        Assert.Equal(HookSource.Api, stored.Source);
        Assert.Equal("An invoice was sent to a customer.", stored.Description);
        Assert.Equal(["id", "customer.email", "total"], stored.ProvidedFields);
        Assert.Equal("""{"id":"inv_1","total":12.5}""", stored.SamplePayload);
        Assert.Equal(clock.GetUtcNow(), stored.CreatedAt);
        Assert.Equal(clock.GetUtcNow(), stored.UpdatedAt);
        Assert.Null(stored.EntityName);
    }

    [Fact]
    public async Task Create_BuildsASampleFromTheFields_WhenNoneIsGiven()
    {
        var result = await service.CreateAsync(Actor.System, Invoice(sample: "  "), default);

        Assert.Equal("""{"id":"<id>","customer":{"email":"<customer.email>"},"total":"<total>"}""", result.Value!.SamplePayload);
    }

    [Theory]
    [InlineData("Invoice.Sent", "lowercase")]
    [InlineData("invoice", "at least two words")]
    [InlineData("invoice..sent", "not a valid hook name")]
    [InlineData("1invoice.sent", "not a valid hook name")]
    [InlineData("invoice.sent!", "not a valid hook name")]
    [InlineData("", "Enter a name")]
    public async Task Create_RefusesABadNameWithAGoodExample(string name, string expected)
    {
        var result = await service.CreateAsync(Actor.System, Invoice(name: name), default);

        var message = Assert.Single(FieldMessages(result, "name"));
        Assert.Contains(expected, message);
        Assert.Contains("order.paid", message);
    }

    [Fact]
    public async Task Create_RefusesANameLongerThanTheLimit()
    {
        var result = await service.CreateAsync(Actor.System, Invoice(name: "invoice." + new string('a', 93)), default);

        Assert.Contains("the limit is 100", Assert.Single(FieldMessages(result, "name")));
    }

    [Fact]
    public async Task Create_AnswersConflict_WhenTheNameIsTaken()
    {
        await service.CreateAsync(Actor.System, Invoice(), default);

        var again = await service.CreateAsync(Actor.System, Invoice(), default);
        var codeName = await service.CreateAsync(Actor.System, Invoice(name: "person.saved", sample: null), default);

        Assert.Equal(ServiceErrorKind.Conflict, again.Error?.Kind);
        Assert.Contains("A hook named 'invoice.sent' already exists", again.Error!.Detail);
        Assert.Contains("A hook named 'person.saved' already exists", codeName.Error!.Detail);
    }

    [Fact]
    public async Task Create_NamesEachWrongProvidedField()
    {
        var result = await service.CreateAsync(Actor.System, 
            Invoice(sample: null) with { ProvidedFields = ["id", "customer..email", "id", " "] }, default);

        Assert.Contains("'customer..email' is not a field path", Assert.Single(FieldMessages(result, "providedFields[1]")));
        Assert.Contains("'id' is listed twice", Assert.Single(FieldMessages(result, "providedFields[2]")));
        Assert.Contains("Field 4 is empty", Assert.Single(FieldMessages(result, "providedFields[3]")));
    }

    [Theory]
    [InlineData(0, "at least one provided field")]
    [InlineData(101, "at most 100 fields")]
    public async Task Create_RefusesTooFewOrTooManyFields(int count, string expected)
    {
        var fields = Enumerable.Range(0, count).Select(i => $"field{i}").ToList();

        var result = await service.CreateAsync(Actor.System, Invoice(sample: null) with { ProvidedFields = fields }, default);

        Assert.Contains(expected, Assert.Single(FieldMessages(result, "providedFields")));
    }

    [Fact]
    public async Task Create_RefusesADescriptionLongerThanTheLimit()
    {
        var result = await service.CreateAsync(Actor.System, Invoice() with { Description = new string('x', 2001) }, default);

        Assert.Contains("the limit is 2000", Assert.Single(FieldMessages(result, "description")));
    }

    [Theory]
    [InlineData("""{"id": "inv_1",}""", "not valid JSON (line 1")]
    [InlineData("""["inv_1"]""", "must be a JSON object")]
    [InlineData("""{"id":"inv_1","secret":"s3","customer":{"email":"a@b.c","phone":"555"}}""",
        "does not provide: secret, customer.phone. Remove them")]
    [InlineData("""{"customer":"jane@example.com"}""", "does not provide: customer.")]
    public async Task Create_RefusesASampleThatIsNotAnObjectOfProvidedFields(string sample, string expected)
    {
        var result = await service.CreateAsync(Actor.System, Invoice(sample: sample), default);

        Assert.Contains(expected, Assert.Single(FieldMessages(result, "samplePayload")));
    }

    [Fact]
    public async Task Create_RefusesASampleLargerThan64KB()
    {
        var sample = JsonSerializer.Serialize(new { id = new string('x', 70 * 1024) });

        var result = await service.CreateAsync(Actor.System, Invoice(sample: sample), default);

        Assert.Contains("the limit is 64 KB", Assert.Single(FieldMessages(result, "samplePayload")));
    }

    [Fact]
    public async Task Create_AcceptsASampleWithFieldsUnderAProvidedParent()
    {
        var result = await service.CreateAsync(Actor.System, Invoice(sample: """{"customer":{"email":"a@b.c","phone":"555"}}""") with
        {
            ProvidedFields = ["id", "customer"],
        }, default);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Update_ReplacesDescriptionFieldsAndSample_AndKeepsTheCreationTime()
    {
        await service.CreateAsync(Actor.System, Invoice(), default);
        var created = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(5));

        var result = await service.UpdateAsync(Actor.System, "invoice.sent", new HookDefinition
        {
            Description = "Sent by e-mail.",
            ProvidedFields = ["id", "channel"],
            SamplePayload = """{"channel":"email"}""",
        }, default);

        Assert.True(result.Succeeded);
        var stored = await FindAsync("invoice.sent");
        Assert.Equal("Sent by e-mail.", stored.Description);
        Assert.Equal(["id", "channel"], stored.ProvidedFields);
        Assert.Equal("""{"channel":"email"}""", stored.SamplePayload);
        Assert.Equal(created, stored.CreatedAt);
        Assert.Equal(clock.GetUtcNow(), stored.UpdatedAt);
    }

    [Fact]
    public async Task Update_RefusesANewName_AndLeavesTheHookUntouched()
    {
        await service.CreateAsync(Actor.System, Invoice(), default);
        var before = await FindAsync("invoice.sent");

        var result = await service.UpdateAsync(Actor.System, "invoice.sent", Invoice(name: "invoice.mailed") with { Description = "Changed" }, default);

        Assert.Contains("The name of a hook cannot change", Assert.Single(FieldMessages(result, "name")));
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Update_RefusesInvalidInput_AndLeavesTheHookUntouched()
    {
        await service.CreateAsync(Actor.System, Invoice(), default);
        var before = await FindAsync("invoice.sent");

        var result = await service.UpdateAsync(Actor.System, "invoice.sent", Invoice() with { ProvidedFields = ["id"] }, default);

        Assert.Contains("does not provide: customer", Assert.Single(FieldMessages(result, "samplePayload")));
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task UpdateAndDelete_AnswerNotFound_WhenTheHookIsUnknown()
    {
        var update = await service.UpdateAsync(Actor.System, "no.such.hook", Invoice(), default);
        var delete = await service.DeleteAsync(Actor.System, "no.such.hook", default);

        Assert.Equal(ServiceErrorKind.NotFound, update.Error?.Kind);
        Assert.Equal(ServiceErrorKind.NotFound, delete.Error?.Kind);
        Assert.Contains("No hook is named 'no.such.hook'", delete.Error!.Detail);
    }

    [Fact]
    public async Task UpdateAndDelete_AnswerConflict_ForAHookRegisteredInCode()
    {
        var before = await FindAsync("person.saved");

        var update = await service.UpdateAsync(Actor.System, "person.saved", new HookDefinition { ProvidedFields = ["id"] }, default);
        var delete = await service.DeleteAsync(Actor.System, "person.saved", default);

        Assert.Equal(ServiceErrorKind.Conflict, update.Error?.Kind);
        Assert.Contains("registered in the application's code", update.Error!.Detail);
        Assert.Equal(ServiceErrorKind.Conflict, delete.Error?.Kind);
        Assert.Equal("The hook is defined in the application's code", delete.Error!.Title);
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Delete_RemovesThePortalHook()
    {
        await service.CreateAsync(Actor.System, Invoice(), default);

        var result = await service.DeleteAsync(Actor.System, "invoice.sent", default);

        Assert.True(result.Succeeded);
        await using var db = await ContextAsync();
        Assert.False(await db.Hooks.AnyAsync(h => h.Name == "invoice.sent"));
    }

    [Fact]
    public async Task Delete_AnswersConflictSayingHowManyListenersUseIt_AndKeepsTheHook()
    {
        var hook = (await service.CreateAsync(Actor.System, Invoice(), default)).Value!;
        await AddListenersAsync(hook.Id, 2);

        var result = await service.DeleteAsync(Actor.System, "invoice.sent", default);

        Assert.Equal(ServiceErrorKind.Conflict, result.Error?.Kind);
        Assert.Contains("2 listeners use 'invoice.sent'", result.Error!.Detail);
        Assert.Contains("Delete those listeners or move them to another hook first", result.Error.Detail);
        await FindAsync("invoice.sent");
    }

    [Fact]
    public async Task Delete_RemovesAHookTheCodeNoLongerRegisters()
    {
        await using (var db = await ContextAsync())
        {
            db.Hooks.Add(new Hook { Name = "member.left", Source = HookSource.EntityChange, EntityName = "Member", ProvidedFields = ["id"] });
            await db.SaveChangesAsync();
        }

        var update = await service.UpdateAsync(Actor.System, "member.left", new HookDefinition { ProvidedFields = ["id"] }, default);
        var delete = await service.DeleteAsync(Actor.System, "member.left", default);

        Assert.Contains("no longer registers it", update.Error!.Detail);
        Assert.True(delete.Succeeded);
    }

    [Theory]
    [InlineData(AccountRole.Support)]
    [InlineData(AccountRole.Customer)]
    public async Task CreateUpdateDelete_AreRefusedAndChangeNothing_WhenTheActorIsNotAnAdmin(AccountRole role)
    {
        var someone = new Actor(5, "someone@example.com", role);
        await service.CreateAsync(Actor.System, Invoice(), default);
        var before = await FindAsync("invoice.sent");
        var auditRows = await AuditCountAsync();

        var results = new[]
        {
            await service.CreateAsync(someone, Invoice(name: "refund.issued"), default),
            await service.UpdateAsync(someone, "invoice.sent", Invoice() with { Description = "Changed" }, default),
            await service.DeleteAsync(someone, "invoice.sent", default),
        };

        Assert.All(results, result =>
        {
            Assert.Equal(ServiceErrorKind.Forbidden, result.Error?.Kind);
            Assert.Equal("Only admins change the hook catalogue.", result.Error!.Detail);
        });
        await AssertUnchangedAsync(before);
        Assert.Null(await host.Services.GetRequiredService<HookCatalog>().FindAsync("refund.issued", default));
        Assert.Equal(auditRows, await AuditCountAsync());
    }

    [Fact]
    public async Task CreateUpdateDelete_EachWriteAnAuditRowNamingTheAdminAndTheHook()
    {
        var admin = new Actor(1, "admin@example.com", AccountRole.Admin);

        Assert.True((await service.CreateAsync(admin, Invoice(), default)).Succeeded);
        Assert.True((await service.UpdateAsync(admin, "invoice.sent", Invoice() with { Description = "Changed" }, default)).Succeeded);
        Assert.True((await service.DeleteAsync(admin, "invoice.sent", default)).Succeeded);

        await using var db = await ContextAsync();
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.TargetType == "hook").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditActions.HookCreated, AuditActions.HookUpdated, AuditActions.HookDeleted], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal("1 admin@example.com invoice.sent", $"{r.ActorAccountId} {r.ActorName} {r.TargetId}"));
        var (created, updated, deleted) = (rows[0], rows[1], rows[2]);
        Assert.Null(created.Before);
        Assert.Contains("\"description\":\"An invoice was sent to a customer.\"", created.After);
        Assert.Contains("\"providedFields\":[\"id\",\"customer.email\",\"total\"]", created.After);
        Assert.Contains("An invoice was sent to a customer.", updated.Before);
        Assert.Contains("\"description\":\"Changed\"", updated.After);
        Assert.Contains("\"description\":\"Changed\"", deleted.Before);
        Assert.Null(deleted.After);
    }

    [Fact]
    public async Task Create_WritesNoAuditRow_WhenTheHookIsRefused()
    {
        var auditRows = await AuditCountAsync();

        var result = await service.CreateAsync(Actor.System, Invoice(name: "Invoice"), default);

        Assert.Equal(ServiceErrorKind.Invalid, result.Error?.Kind);
        Assert.Equal(auditRows, await AuditCountAsync());
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = await ContextAsync();
        return await db.AuditEntries.CountAsync();
    }

    private static string[] FieldMessages(ServiceResult<Hook> result, string field)
    {
        Assert.Equal(ServiceErrorKind.Invalid, result.Error?.Kind);
        Assert.True(result.Error!.Fields!.TryGetValue(field, out var messages), $"No message for '{field}': {string.Join(", ", result.Error.Fields.Keys)}");
        return messages;
    }

    private async Task AssertUnchangedAsync(Hook before)
    {
        var after = await FindAsync(before.Name);
        Assert.Equivalent(before, after, strict: true);
    }

    private async Task AddListenersAsync(int hookId, int count)
    {
        await using var db = await ContextAsync();
        for (var i = 0; i < count; i++)
        {
            db.Listeners.Add(new Listener
            {
                Id = SortableId.New(Listener.IdPrefix, clock.GetUtcNow()),
                Url = "https://example.com/",
                Secret = "whsec_x",
                HookId = hookId,
            });
        }

        await db.SaveChangesAsync();
    }

    private async Task<Hook> FindAsync(string name) =>
        await host.Services.GetRequiredService<HookCatalog>().FindAsync(name, default)
        ?? throw new InvalidOperationException($"The hook {name} is not stored.");

    private Task<PortalDbContext> ContextAsync() =>
        host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    [Fact]
    public async Task Delete_RefusesAHookWithEventsInTheHistory_AndRemovesOneWhoseOnlyListenersWereDeleted()
    {
        await using var fixture = await CoreFixture.StartAsync();
        var service = fixture.Get<HookService>();
        var listener = (await fixture.Listeners.CreateAsync(Actor.System, CoreFixture.Input(), default)).Value!.Listener.Id;
        await fixture.Listeners.DeleteAsync(Actor.System, listener, default);

        Assert.True((await service.DeleteAsync(Actor.System, CoreFixture.HookName, default)).Succeeded);

        await using (var db = await fixture.ContextAsync())
        {
            db.Hooks.Add(new Hook { Name = "order.shipped", Source = HookSource.Api, ProvidedFields = ["id"] });
            await db.SaveChangesAsync();
        }

        await fixture.Get<Core.Events.EventPublisher>().PublishAsync(new Core.Events.PublishRequest("order.shipped",
            JsonDocument.Parse("{\"id\":1}").RootElement, Core.Events.EventOrigin.Api), default);
        var refused = await service.DeleteAsync(Actor.System, "order.shipped", default);
        Assert.Equal(ServiceErrorKind.Conflict, refused.Error?.Kind);
        Assert.Contains("1 event in the delivery history", refused.Error!.Detail);
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
