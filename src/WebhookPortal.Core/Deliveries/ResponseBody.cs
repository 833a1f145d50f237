using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// Reads at most the kept number of bytes of a response body, after decompression, and stops: a 50 MB
/// answer or a gzip bomb costs no more memory than the limit. The kept part is stored as text; bytes that
/// are not text are replaced, so a binary answer shows as such instead of breaking the log.
/// </summary>
internal static class ResponseBody
{
    public static async Task<(string Text, bool Truncated)> ReadAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        await using var raw = await content.ReadAsStreamAsync(cancellationToken);
        await using var body = Decompressed(raw, content.Headers.ContentEncoding);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(limit, 0) + 1);
        try
        {
            var wanted = Math.Max(limit, 0) + 1;
            var length = 0;
            int read;
            while (length < wanted && (read = await body.ReadAsync(buffer.AsMemory(length, wanted - length), cancellationToken)) > 0)
            {
                length += read;
            }

            // Invalid UTF-8 becomes U+FFFD as it is decoded; NUL, which text columns do not keep, becomes U+FFFD too.
            var truncated = length > limit;
            return (Encoding.UTF8.GetString(buffer, 0, Math.Min(length, limit)).Replace('\0', '\uFFFD'), truncated);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Stream Decompressed(Stream raw, ICollection<string> encodings) =>
        encodings.LastOrDefault()?.ToLowerInvariant() switch
        {
            "gzip" => new GZipStream(raw, CompressionMode.Decompress),
            "deflate" => new ZLibStream(raw, CompressionMode.Decompress),
            "br" => new BrotliStream(raw, CompressionMode.Decompress),
            _ => raw,
        };
}
