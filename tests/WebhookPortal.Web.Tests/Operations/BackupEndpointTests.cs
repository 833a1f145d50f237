using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Operations;

/// <summary><c>POST /api/backups</c>: an admin backs the live database up into Backup:Folder, and the audit trail says so.</summary>
public sealed class BackupEndpointTests
{
    [Fact]
    public async Task Backup_WritesAFileThatOpensWithTheData_AndIsAudited()
    {
        using var app = new PortalAppFactory();
        var admin = app.CreateAdminClient();

        var response = await admin.PostAsync("/api/backups", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var path = body.RootElement.GetProperty("path").GetString()!;
        Assert.Equal(Path.Combine(app.FolderPath, "backups", body.RootElement.GetProperty("file").GetString()!), path);
        Assert.Equal(new FileInfo(path).Length, body.RootElement.GetProperty("sizeBytes").GetInt64());

        await using (var copy = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False"))
        {
            await copy.OpenAsync();
            await using var command = copy.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM hooks WHERE name = 'order.paid'";
            Assert.Equal(1L, await command.ExecuteScalarAsync());
        }

        using var audit = JsonDocument.Parse(await admin.GetStringAsync("/api/audit?action=database.backed-up"));
        var entry = Assert.Single(audit.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("admin API key", entry.GetProperty("actorName").GetString());
        Assert.Contains(path, entry.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Backup_IsRefused_WithoutAnAdminKey()
    {
        using var app = new PortalAppFactory();

        var response = await app.CreateClient().PostAsync("/api/backups", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(app.FolderPath, "backups")));
    }
}
