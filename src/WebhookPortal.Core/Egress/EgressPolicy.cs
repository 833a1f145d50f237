using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Deliveries;

namespace WebhookPortal.Core.Egress;

/// <summary>
/// Which addresses deliveries may be sent to: public ones always; the ranges <see cref="AddressRanges"/>
/// refuses only where configuration opens them. <c>Delivery:AllowPrivateNetworks</c> (on by default only in
/// Development, where the portal's own receiver is reached over loopback) opens every refused range except
/// the cloud metadata addresses: they hand out the host's cloud credentials, so only an entry of
/// <c>Delivery:AllowedNetworks</c> that contains one opens it. <c>Delivery:AllowedNetworks</c> opens
/// exactly its networks, whatever the other setting says.
/// </summary>
public sealed class EgressPolicy
{
    private readonly IPNetwork[] allowedNetworks;

    public EgressPolicy(IOptions<DeliveryOptions> options, IHostEnvironment environment)
    {
        AllowsPrivateNetworks = options.Value.AllowPrivateNetworks ?? environment.IsDevelopment();
        // Validated at start-up (DeliveryOptions.Validate); a value that slipped through opens nothing.
        allowedNetworks = options.Value.AllowedNetworks
            .Select(text => IPNetwork.TryParse(text, out var network) ? network : (IPNetwork?)null)
            .OfType<IPNetwork>()
            .ToArray();
    }

    /// <summary>Whether loopback, private, link-local and the other refused ranges are open (not metadata).</summary>
    public bool AllowsPrivateNetworks { get; }

    /// <summary>Null when the address may be called; otherwise why not and which setting would open it.</summary>
    public string? Refusal(IPAddress address)
    {
        var refused = AddressRanges.Classify(address);
        if (refused is null || IsAllowedNetwork(address) || (refused.CarriedIPv4 is { } carried && IsAllowedNetwork(carried)))
        {
            return null;
        }

        if (refused.IsMetadata)
        {
            return $"{refused.Reason}, which is refused even where private networks are allowed, unless Delivery:AllowedNetworks includes it";
        }

        return AllowsPrivateNetworks
            ? null
            : $"{refused.Reason}; deliveries to private networks are turned off (Delivery:AllowPrivateNetworks) " +
              "and Delivery:AllowedNetworks does not include it";
    }

    /// <summary>The first of a host's addresses that may be called, or the first refused one and why.</summary>
    internal AddressChoice Choose(IReadOnlyList<IPAddress> addresses)
    {
        (IPAddress Address, string Refusal)? firstRefused = null;
        foreach (var address in addresses)
        {
            if (Refusal(address) is not { } refusal)
            {
                return new AddressChoice(address, null, null);
            }

            firstRefused ??= (address, refusal);
        }

        return new AddressChoice(null, firstRefused?.Address, firstRefused?.Refusal);
    }

    private bool IsAllowedNetwork(IPAddress address) => allowedNetworks.Any(network => network.Contains(address));
}
