using System.Security.Claims;
using WebhookPortal.Core.Backups;
using WebhookPortal.Web.Accounts;
using WebhookPortal.Web.Api.OpenApi;

namespace WebhookPortal.Web.Api;

/// <summary><c>POST /api/backups</c>: an online backup of the database into <c>Backup:Folder</c>, for admins; audited.</summary>
public static class BackupEndpoints
{
    public static RouteGroupBuilder MapBackupEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/backups", CreateAsync).WithTags("Operations").WithName("CreateBackup")
            .Doc("Back up the database",
                "Copies the live database into Backup:Folder with SQLite's online backup API while deliveries go on, checks the copy, " +
                "then keeps the newest Backup:Keep backups. Admins only; audited.")
            .Answers<BackupResponse>(StatusCodes.Status201Created)
            .Refuses(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .RequireAuthorization(PortalPolicies.ApiAdmin);
        return api;
    }

    private static async Task<IResult> CreateAsync(DatabaseBackup backup, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await backup.CreateAsync(user.ToActor(), destination: null, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Error.ToProblem();
        }

        var done = result.Value;
        return TypedResults.Created((string?)null, new BackupResponse(
            Path.GetFileName(done.FilePath), done.FilePath, done.SizeBytes, (long)done.Duration.TotalMilliseconds,
            done.Removed.Select(Path.GetFileName).OfType<string>().ToList()));
    }
}
