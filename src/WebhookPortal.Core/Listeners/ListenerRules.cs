using System.Buffers;
using System.Text;

namespace WebhookPortal.Core.Listeners;

/// <summary>What a listener's URL and headers must look like, with a message for each kind of mistake.</summary>
public static class ListenerRules
{
    public const int MaxUrlLength = 2048;
    public const int MaxDescriptionLength = 500;
    public const int MaxHeaders = 20;
    public const int MaxHeaderNameLength = 100;
    public const int MaxHeaderValueLength = 2000;

    // Set by the engine or by HTTP itself; a listener may not override them.
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Content-Type", "Content-Encoding", "Transfer-Encoding", "Connection",
        "Keep-Alive", "Upgrade", "Expect", "TE", "Trailer", "Proxy-Authorization", "Proxy-Connection",
        "User-Agent",
    };

    private static readonly SearchValues<char> TokenCharacters =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>Null when the URL can receive webhooks; otherwise what to fix.</summary>
    public static string? CheckUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "Enter the URL that should receive the webhooks.";
        }

        if (url.Length > MaxUrlLength)
        {
            return $"The URL is {url.Length} characters long; the limit is {MaxUrlLength}.";
        }

        if (url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return "The URL contains spaces or control characters; encode them (a space is %20).";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc)
        {
            return "Enter an absolute URL that starts with https:// or http://.";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            return $"'{uri.Scheme}' URLs cannot receive webhooks; use https:// (or http://).";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Remove the user name and password from the URL; send credentials in a custom header instead.";
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            return "The URL has no host name.";
        }

        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            return "Remove the #fragment from the URL; it is never sent to the server.";
        }

        return null;
    }

    /// <summary>
    /// The URL as it is stored and shown: trimmed, and a host written with non-ASCII letters turned into its
    /// ASCII (IDNA, "xn--") form, so a look-alike name (a Cyrillic "а" in "аpple.com") is visibly not the name it
    /// imitates, and full-width letters become the ordinary ones they stand for. An ASCII URL is kept as written.
    /// Call it on a URL <see cref="CheckUrl"/> accepted.
    /// </summary>
    public static string Normalize(string url)
    {
        url = url.Trim();
        if (Ascii.IsValid(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || Ascii.IsValid(uri.Host))
        {
            return url;
        }

        return new UriBuilder(uri) { Host = uri.IdnHost }.Uri.AbsoluteUri;
    }

    /// <summary>Problems with each header, keyed by <c>headers[i].name</c> or <c>headers[i].value</c>.</summary>
    public static Dictionary<string, string> CheckHeaders(IReadOnlyList<ListenerHeader> headers)
    {
        var problems = new Dictionary<string, string>();
        if (headers.Count > MaxHeaders)
        {
            problems["headers"] = $"A listener can have at most {MaxHeaders} custom headers.";
            return problems;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < headers.Count; i++)
        {
            var (name, value) = (headers[i].Name ?? "", headers[i].Value ?? "");
            if (CheckHeaderName(name, seen) is { } nameProblem)
            {
                problems[$"headers[{i}].name"] = nameProblem;
            }

            if (value.Length > MaxHeaderValueLength)
            {
                problems[$"headers[{i}].value"] = $"The value of {name} is longer than {MaxHeaderValueLength} characters.";
            }
            else if (value.Any(c => c is '\r' or '\n' or '\0' || (char.IsControl(c) && c != '\t')))
            {
                problems[$"headers[{i}].value"] = $"The value of {name} contains a line break or control character, which could inject headers; remove it.";
            }
        }

        return problems;
    }

    private static string? CheckHeaderName(string name, HashSet<string> seen)
    {
        if (name.Length == 0)
        {
            return "Enter the header's name.";
        }

        if (name.Length > MaxHeaderNameLength || name.AsSpan().IndexOfAnyExcept(TokenCharacters) >= 0)
        {
            return $"'{Printable(name)}' is not a valid header name: use letters, digits and - (at most {MaxHeaderNameLength}).";
        }

        if (ReservedHeaders.Contains(name) || name.StartsWith("webhook-", StringComparison.OrdinalIgnoreCase))
        {
            return $"{name} is set by WebhookPortal itself and cannot be overridden.";
        }

        return seen.Add(name) ? null : $"{name} is given twice; keep one.";
    }

    private static string Printable(string text) =>
        new(text.Take(40).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
