using System.Buffers;
using System.Text.Json;

namespace WebhookPortal.Core.Inbound;

/// <summary>
/// An inbound body as raw bytes, read only up to the payload limit: the signature is checked against exactly
/// these bytes, and only a verified body is parsed.
/// </summary>
internal static class InboundBody
{
    /// <summary>The whole body, or null as soon as it passes <paramref name="limit"/> bytes (the rest is not read).</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream(); // no unmanaged resources; its array outlives it as the body
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The body as a JSON document, or null when it is not JSON at all.</summary>
    public static JsonDocument? Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
