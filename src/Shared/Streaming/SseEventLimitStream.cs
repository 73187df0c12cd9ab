// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared;

/// <summary>
/// A read-only pass-through that counts the raw bytes of the current SSE event (everything since the last blank line, line
/// ends excluded) and throws once they pass twice the per-event cap plus field-name slack, so an event that never ends (one
/// endless <c>data:</c> line, or endless data lines) is stopped with memory bounded by the cap instead of being buffered whole.
/// The exact cap on the decoded data stays with the parser callback.
/// </summary>
internal sealed class SseEventLimitStream(Stream inner, int maxEventBytes, Func<Exception> tooLarge) : Stream
{
    // Raw bytes carry "data: " prefixes and event/id lines the decoded data does not; allow for them.
    private readonly long _limit = (2L * maxEventBytes) + 4096;
    private long _eventBytes;
    private bool _lineHasBytes;
    private bool _afterCr;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Count(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b == (byte)'\n' && _afterCr)
            {
                _afterCr = false; // the LF of a CRLF
                continue;
            }

            if (b is (byte)'\n' or (byte)'\r')
            {
                _afterCr = b == (byte)'\r';
                if (!_lineHasBytes)
                {
                    _eventBytes = 0; // a blank line ends the event
                }

                _lineHasBytes = false;
                continue;
            }

            _afterCr = false;
            _lineHasBytes = true;
            if (++_eventBytes > _limit)
            {
                throw tooLarge();
            }
        }

        return bytes.Length;
    }
}
