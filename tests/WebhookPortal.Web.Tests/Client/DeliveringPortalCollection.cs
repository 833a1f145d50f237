namespace WebhookPortal.Web.Tests.Client;

/// <summary>The tests that share one <see cref="DeliveringPortalFixture"/> (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class DeliveringPortalCollection : ICollectionFixture<DeliveringPortalFixture>
{
    public const string Name = "Delivering portal";
}
