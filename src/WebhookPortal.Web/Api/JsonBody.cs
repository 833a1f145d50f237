using System.Text.Json;
using WebhookPortal.Core.Events;

namespace WebhookPortal.Web.Api;

/// <summary>
/// Reads a request body that must be a JSON object of bounded size, answering the caller's mistakes with
/// problems that say what to fix: 413 when too large, 415 when not sent as JSON, 400 when unreadable.
/// The body is read only up to the limit, so a 10 MB request costs no more than a 256 KB one.
/// </summary>
public static class JsonBody
{
    public sealed record Result(JsonDocument? Document, IResult? Problem);

    public static async Task<Result> ReadObjectAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "The body must be JSON",
                "Send the body as a JSON object with the header 'Content-Type: application/json'.");
        }

        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        var buffer = new byte[Math.Min(maxBytes, (int?)request.ContentLength ?? maxBytes) + 1];
        var length = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
            if (length > maxBytes)
            {
                return TooLarge(maxBytes);
            }

            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maxBytes + 1));
            }
        }

        // The JSON reader checks the encoding of a string only when it is read; check it all here.
        if (!System.Text.Unicode.Utf8.IsValid(buffer.AsSpan(0, length)))
        {
            return Refuse(StatusCodes.Status400BadRequest, "The body is not valid JSON",
                "The body is not valid JSON: it is not valid UTF-8 text. Send it encoded as UTF-8.");
        }

        try
        {
            var document = JsonDocument.Parse(buffer.AsMemory(0, length), PayloadRules.ReaderOptions);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return new Result(document, null);
            }

            document.Dispose();
            return Refuse(StatusCodes.Status400BadRequest, "The payload is not valid",
                "The body must be a JSON object ({ … }), not an array or a single value.");
        }
        catch (JsonException e)
        {
            return Refuse(StatusCodes.Status400BadRequest, "The body is not valid JSON", $"The body is not valid JSON: {e.Message}");
        }
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null &&
        (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ||
         contentType.Split(';')[0].Trim().EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static Result TooLarge(int maxBytes) =>
        Refuse(StatusCodes.Status413PayloadTooLarge, "The body is too large",
            $"The body may be at most {maxBytes:N0} bytes (Events:MaxPayloadBytes).");

    private static Result Refuse(int status, string title, string detail) =>
        new(null, TypedResults.Problem(statusCode: status, title: title, detail: detail));
}
