namespace WebhookPortal.Core.Common;

/// <summary>
/// Why a service refused a request, in words a person can act on. The REST API turns it into
/// problem details (400, 403, 404, 409); the portal shows <see cref="Detail"/> and the field messages.
/// </summary>
/// <param name="Kind">What kind of refusal it is.</param>
/// <param name="Title">A short summary: "The listener is not valid".</param>
/// <param name="Detail">What to do about it.</param>
/// <param name="Fields">Messages per input field, keyed as the API names them (<c>url</c>, <c>filters[0].value</c>).</param>
public sealed record ServiceError(
    ServiceErrorKind Kind,
    string Title,
    string Detail,
    IReadOnlyDictionary<string, string[]>? Fields = null)
{
    public static ServiceError Invalid(string title, IReadOnlyDictionary<string, string[]> fields) =>
        new(ServiceErrorKind.Invalid, title, "Correct the fields named below and try again.", fields);

    public static ServiceError NotFound(string title, string detail) => new(ServiceErrorKind.NotFound, title, detail);

    public static ServiceError Conflict(string title, string detail) => new(ServiceErrorKind.Conflict, title, detail);

    public static ServiceError Forbidden(string detail) => new(ServiceErrorKind.Forbidden, "Not allowed", detail);
}
