using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Demo;

/// <summary>
/// The demo application's own code for its people, written as any host application writes it: it saves
/// through the context factory and never calls the publisher. The entity-change interceptor stores
/// <c>person.saved</c> or <c>person.deleted</c> in the same transaction as the change, so a change that
/// is refused or rolled back fires nothing.
/// </summary>
public sealed class PersonService(IDbContextFactory<PortalDbContext> contextFactory, EntityEventLog eventLog, ILogger<PersonService> logger)
{
    public const int MaxPageSize = 500;

    /// <summary>One page of people, the most recently added first.</summary>
    public async Task<PagedResult<Person>> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var total = await db.People.CountAsync(cancellationToken);
        var items = await db.People.AsNoTracking().OrderByDescending(p => p.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize))
            .ToListAsync(cancellationToken);
        return new PagedResult<Person>(items, total);
    }

    public async Task<Person?> FindAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
    }

    public async Task<ServiceResult<PersonChange>> CreateAsync(PersonInput input, CancellationToken cancellationToken)
    {
        var errors = PersonRules.Check(input);
        if (errors.Any)
        {
            return Invalid(errors);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var person = new Person();
        Apply(person, input);
        db.People.Add(person);
        return ServiceResult<PersonChange>.Ok(await SaveAsync(db, person, "added", cancellationToken));
    }

    public async Task<ServiceResult<PersonChange>> UpdateAsync(int id, PersonInput input, CancellationToken cancellationToken)
    {
        var errors = PersonRules.Check(input);
        if (errors.Any)
        {
            return Invalid(errors);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return NotFound(id);
        }

        Apply(person, input);
        return ServiceResult<PersonChange>.Ok(await SaveAsync(db, person, "changed", cancellationToken));
    }

    public async Task<ServiceResult<PersonChange>> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return NotFound(id);
        }

        db.People.Remove(person);
        return ServiceResult<PersonChange>.Ok(await SaveAsync(db, person, "deleted", cancellationToken));
    }

    private static void Apply(Person person, PersonInput input)
    {
        person.Name = input.Name!.Trim();
        person.Address = input.Address?.Trim() ?? "";
        person.Secret = input.Secret ?? "";
    }

    /// <summary>Saves the change; the entity-change hooks store its event in the same transaction, and say which.</summary>
    private async Task<PersonChange> SaveAsync(PortalDbContext db, Person person, string change, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        var fired = eventLog.LastSaveOf(db).FirstOrDefault();
        logger.LogInformation("Person {PersonId} {Change}; event {EventId}", person.Id, change, fired?.EventId ?? "none");
        return new PersonChange(person, fired?.EventId, fired?.Hook, fired?.Deliveries ?? 0);
    }

    private static ServiceError Invalid(FieldErrors errors) => ServiceError.Invalid("The person is not valid", errors.ToDictionary());

    private static ServiceError NotFound(int id) =>
        ServiceError.NotFound("Person not found", $"No person has the id {id}; they may have been deleted.");
}
