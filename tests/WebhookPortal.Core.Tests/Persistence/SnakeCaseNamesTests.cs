using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Tests.Persistence;

public sealed class SnakeCaseNamesTests
{
    [Theory]
    [InlineData("Hooks", "hooks")]
    [InlineData("NextAttemptAt", "next_attempt_at")]
    [InlineData("PK_Hooks", "pk_hooks")]
    [InlineData("IX_Hooks_Name", "ix_hooks_name")]
    [InlineData("HttpStatusCode", "http_status_code")]
    [InlineData("URLText", "url_text")]
    [InlineData("Sha256Hash", "sha256_hash")]
    public void ToSnakeCase_GivesTheSqlName(string name, string expected) =>
        Assert.Equal(expected, SnakeCaseNames.ToSnakeCase(name));
}
