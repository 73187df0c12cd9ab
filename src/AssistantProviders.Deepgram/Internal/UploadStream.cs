// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram.Internal;

/// <summary>
/// The upload body: the head already read (for sniffing), then the rest of the caller's stream, counted against the upload limit
/// as it is read (so a forward-only stream is never buffered whole). The caller's stream is never disposed.
/// </summary>
internal sealed class UploadStream(byte[] head, int headLength, Stream rest, long limit) : Stream
{
    private int _headPosition;
    private long _total;

    /// <summary>Gets a value indicating whether more bytes than the limit were read (the upload was stopped).</summary>
    public bool LimitExceeded { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        if (_headPosition < headLength)
        {
            read = Math.Min(buffer.Length, headLength - _headPosition);
            head.AsMemory(_headPosition, read).CopyTo(buffer);
            _headPosition += read;
        }
        else
        {
            read = await rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        _total += read;
        if (_total > limit)
        {
            LimitExceeded = true;
            throw new IOException($"The audio is over the {limit}-byte upload limit.");
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
