// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.TestUtilities;

/// <summary>
/// A read-only stream that hands out its bytes in reads of at most <see cref="MaxReadSize"/> (1 by default), so parsers see
/// UTF-8 characters and line endings split across reads; optionally throws <see cref="IOException"/> at the end (a reset).
/// </summary>
public sealed class ChunkedStream : Stream
{
    private readonly byte[] _data;
    private int _position;

    /// <summary>Initializes a new instance of the <see cref="ChunkedStream"/> class.</summary>
    /// <param name="data">The bytes to serve.</param>
    /// <param name="maxReadSize">The largest read.</param>
    /// <param name="resetAtEnd">Throw an <see cref="IOException"/> instead of returning end-of-stream.</param>
    public ChunkedStream(byte[] data, int maxReadSize = 1, bool resetAtEnd = false)
    {
        _data = data;
        MaxReadSize = maxReadSize;
        ResetAtEnd = resetAtEnd;
    }

    /// <summary>Gets the largest read.</summary>
    public int MaxReadSize { get; }

    /// <summary>Gets a value indicating whether the end is a connection reset.</summary>
    public bool ResetAtEnd { get; }

    /// <summary>Gets a value indicating whether the stream was disposed (the HTTP response was released).</summary>
    public bool Disposed { get; private set; }

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => _data.Length;

    /// <inheritdoc/>
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        if (_position >= _data.Length)
        {
            if (ResetAtEnd)
            {
                throw new IOException("Connection reset by peer (test).");
            }

            return 0;
        }

        var n = Math.Min(Math.Min(buffer.Length, MaxReadSize), _data.Length - _position);
        _data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    /// <inheritdoc/>
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
