using System.Text.RegularExpressions;

namespace WebhookPortal.Core;

/// <summary>
/// The portal's own address when <c>Portal:BaseUrl</c> is not set: the first address the server listens on
/// (the <c>Urls</c> setting, else <c>HTTP_PORTS</c>, else Kestrel's default), with a wildcard host
/// (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>) read as <c>localhost</c>, since that is how the
/// portal reaches itself. Port 0 stays 0 here: the real port is only known once the server runs, when
/// <see cref="Resolve(string?, IReadOnlyCollection{string}, string)"/> reads it from the server's own addresses.
/// </summary>
public static partial class PortalBaseUrl
{
    /// <summary>Where Kestrel listens when nothing says otherwise.</summary>
    public const string KestrelDefault = "http://localhost:5000";

    /// <summary>The configuration keys the web host reads its addresses from.</summary>
    public const string UrlsKey = "urls";
    public const string HttpPortsKey = "http_ports";

    private static readonly HashSet<string> WildcardHosts = ["*", "+", "0.0.0.0", "[::]"];

    /// <summary>The base URL without a trailing slash: <paramref name="configured"/> when given, else one made from the server's addresses.</summary>
    public static string Resolve(string? configured, string? urls, string? httpPorts)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim().TrimEnd('/');
        }

        if (First(urls) is not { } address)
        {
            return First(httpPorts) is { } port ? $"http://localhost:{port}" : KestrelDefault;
        }

        return FromAddress(address);
    }

    /// <summary>
    /// The base URL once the server runs: <paramref name="configured"/> when given, else the first address the server
    /// listens on (<paramref name="listening"/>, with the port it really got), else <paramref name="beforeStart"/>, the
    /// one <see cref="Resolve(string?, string?, string?)"/> made from the settings (a host without a web server).
    /// </summary>
    public static string Resolve(string? configured, IReadOnlyCollection<string> listening, string beforeStart)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim().TrimEnd('/');
        }

        return listening.FirstOrDefault(a => !string.IsNullOrWhiteSpace(a)) is { } address ? FromAddress(address.Trim()) : beforeStart;
    }

    /// <summary>Whether <paramref name="url"/> is an absolute http or https address without credentials, query or fragment.</summary>
    public static bool IsValid(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) &&
        uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0;

    private static string FromAddress(string address)
    {
        var parts = AddressPattern().Match(address);
        if (!parts.Success)
        {
            return address.TrimEnd('/'); // not an address the server could listen on either; validation names it
        }

        var host = WildcardHosts.Contains(parts.Groups["host"].Value) ? "localhost" : parts.Groups["host"].Value;
        return $"{parts.Groups["scheme"].Value}://{host}{parts.Groups["rest"].Value}".TrimEnd('/');
    }

    private static string? First(string? list) =>
        list?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();

    [GeneratedRegex(@"^(?<scheme>https?)://(?<host>\[[^\]]*\]|[^:/\[]+)(?<rest>(?::\d+)?(?:/.*)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();
}
