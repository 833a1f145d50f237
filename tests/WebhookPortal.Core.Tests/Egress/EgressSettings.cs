using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Egress;

namespace WebhookPortal.Core.Tests.Egress;

/// <summary>The <c>Delivery</c> settings the egress classes read, and the policy they make, for one test.</summary>
internal static class EgressSettings
{
    public static IOptions<DeliveryOptions> Options(bool? allowPrivateNetworks, params string[] allowedNetworks) =>
        Microsoft.Extensions.Options.Options.Create(new DeliveryOptions
        {
            AllowPrivateNetworks = allowPrivateNetworks,
            AllowedNetworks = allowedNetworks,
            ConnectTimeoutSeconds = 2,
        });

    public static EgressPolicy Policy(bool? allowPrivateNetworks, params string[] allowedNetworks) =>
        Policy(allowPrivateNetworks, Environments.Production, allowedNetworks);

    public static EgressPolicy Policy(bool? allowPrivateNetworks, string environment, params string[] allowedNetworks) =>
        new(Options(allowPrivateNetworks, allowedNetworks), new HostingEnvironment { EnvironmentName = environment });
}
