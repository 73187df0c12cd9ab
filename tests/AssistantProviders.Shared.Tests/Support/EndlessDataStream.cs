// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.Tests.Support;

/// <summary>A body of <c>data: </c> followed by 'a' bytes that never end; throws if read past <c>readLimit</c> bytes.</summary>
internal sealed class EndlessDataStream(long readLimit) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (BytesRead >= readLimit)
        {
            throw new InvalidOperationException($"The reader kept buffering past {readLimit} bytes of one event.");
        }

        var n = (int)Math.Min(buffer.Length, 8192);
        buffer[..n].Fill((byte)'a');
        if (BytesRead == 0 && n >= 6)
        {
            "data: "u8.CopyTo(buffer);
        }

        BytesRead += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
