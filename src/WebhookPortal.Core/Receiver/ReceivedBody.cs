using System.Buffers;

namespace WebhookPortal.Core.Receiver;

/// <summary>A received body: its first bytes to show, its length, and the whole of it when small enough to verify.</summary>
/// <param name="Whole">Every byte, or null when the body was longer than could be kept for the signature check.</param>
internal sealed record ReceivedBody(ReadOnlyMemory<byte> Kept, long Length, ReadOnlyMemory<byte>? Whole)
{
    /// <summary>
    /// Reads the body to its end (the server limits how long it may be), keeping the first
    /// <paramref name="keep"/> bytes, and all of it while it stays within <paramref name="wholeLimit"/>.
    /// </summary>
    public static async Task<ReceivedBody> ReadAsync(Stream body, int keep, int wholeLimit, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream(); // no unmanaged resources; its array outlives it as the body
        var limit = Math.Max(keep, wholeLimit);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        long length = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                var room = (int)Math.Max(0, Math.Min(read, limit - buffer.Length));
                buffer.Write(chunk, 0, room);
                length += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        var bytes = new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        return new ReceivedBody(bytes[..Math.Min(keep, bytes.Length)], length, length <= wholeLimit ? bytes : null);
    }
}
