// Licensed under the MIT License. See LICENSE in the project root.
namespace VoiceAgent;

/// <summary>
/// Plays a file as if it came from a microphone: forward-only (the router cannot seek it, so it is treated as live) and at
/// real-time pace (each read waits until that much audio would have been spoken).
/// </summary>
internal sealed class PacedAudioStream(byte[] audio, int bytesPerSecond, TimeProvider time) : Stream
{
    private const int ChunkBytes = 3200; // 100 ms of 16 kHz 16-bit mono
    private readonly long _started = time.GetTimestamp();
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= audio.Length)
        {
            return 0;
        }

        var due = TimeSpan.FromSeconds(_position / (double)bytesPerSecond) - time.GetElapsedTime(_started);
        if (due > TimeSpan.Zero)
        {
            await Task.Delay(due, time, cancellationToken).ConfigureAwait(false);
        }

        var n = Math.Min(Math.Min(buffer.Length, ChunkBytes), audio.Length - _position);
        audio.AsMemory(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
