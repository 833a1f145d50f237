using System.Net;

namespace WebhookPortal.Core.Egress;

/// <summary>
/// What <see cref="EgressPolicy"/> made of a host's addresses: the one to connect to, or, when none may be
/// called, the first refused address and why.
/// </summary>
internal sealed record AddressChoice(IPAddress? Allowed, IPAddress? Refused, string? Refusal)
{
    /// <summary>The refusal as a sentence that names the host, the address and the reason.</summary>
    public string Explain(string host) =>
        Literal(host) is not null
            ? $"{Refused} is {Refusal}"
            : $"{host} resolves to {Refused}, {Refusal}";

    /// <summary>The address in a URL's host, without the brackets of IPv6; null for a name.</summary>
    public static IPAddress? Literal(string host) =>
        IPAddress.TryParse(host.AsSpan().Trim('[').TrimEnd(']'), out var address) ? address : null;
}
