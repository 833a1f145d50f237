using System.Net;

namespace WebhookPortal.Client;

/// <summary>
/// The portal refused a call: the HTTP status and the RFC 7807 problem details it answered with, which say what
/// was wrong and what to do (<see cref="Errors"/> names each invalid field).
/// </summary>
public sealed class WebhookPortalApiException : Exception
{
    /// <summary>Creates the exception for a refused call.</summary>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="title">The problem's title, or a stand-in naming the status when the answer had none.</param>
    /// <param name="detail">The problem's detail, when there was one.</param>
    /// <param name="errors">Validation messages by field (<c>url</c>, <c>filters[0].operator</c>); empty when none.</param>
    /// <param name="type">The problem's type URI, when there was one.</param>
    /// <param name="responseBody">The answer's body as text, for logs.</param>
    public WebhookPortalApiException(HttpStatusCode statusCode, string title, string? detail,
        IReadOnlyDictionary<string, string[]> errors, string? type, string responseBody)
        : base(Compose(statusCode, title, detail, errors))
    {
        StatusCode = statusCode;
        Title = title;
        Detail = detail;
        Errors = errors;
        Type = type;
        ResponseBody = responseBody;
    }

    /// <summary>The HTTP status of the answer: 400 invalid, 401 no valid key, 403 the key's role may not, 404, 409, 413 …</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>A short sentence naming the problem ("The listener is not valid").</summary>
    public string Title { get; }

    /// <summary>What exactly was wrong and what to do about it, when the portal said more than the title.</summary>
    public string? Detail { get; }

    /// <summary>Validation messages by field name, as the portal names the fields; empty when the problem is not about fields.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>The problem type URI (RFC 9110 section links for the standard statuses).</summary>
    public string? Type { get; }

    /// <summary>The raw body of the answer.</summary>
    public string ResponseBody { get; }

    private static string Compose(HttpStatusCode status, string title, string? detail, IReadOnlyDictionary<string, string[]> errors)
    {
        var message = $"{(int)status} {title}";
        if (!string.IsNullOrWhiteSpace(detail))
        {
            message += $": {detail}";
        }

        return errors.Count == 0
            ? message
            : message + " " + string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
    }
}
