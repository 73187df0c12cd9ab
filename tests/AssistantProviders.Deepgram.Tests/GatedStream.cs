// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram.Tests;

/// <summary>An audio source that gives its first bytes (over as many reads as it takes), then waits (idle, like a microphone in silence) until released.</summary>
internal sealed class GatedStream(byte[] first) : Stream
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _offset;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public void Release() => _release.TrySetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_offset < first.Length)
        {
            var n = Math.Min(buffer.Length, first.Length - _offset);
            first.AsMemory(_offset, n).CopyTo(buffer);
            _offset += n;
            return n;
        }

        await _release.Task.WaitAsync(cancellationToken);
        return 0;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
