// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Benchmarks;

/// <summary>
/// A forward-only stream of <paramref name="length"/> bytes of generated audio (a 16 kHz 16-bit mono WAV header, then a
/// repeating pattern), produced as it is read: an hour of audio without an hour in memory. <see cref="Position"/> says how much
/// was read, so the memory run can sample as the audio flows.
/// </summary>
internal sealed class GeneratedAudioStream(long length, bool wavHeader) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => Interlocked.Read(ref _position); set => throw new NotSupportedException(); }

    /// <summary>Raised after each read with the bytes read so far (the memory sampler hooks in here).</summary>
    public Action<long>? Progress { get; init; }

    public static byte[] WavHeader(long dataBytes)
    {
        var header = new byte[44];
        void Put(int at, string s) => System.Text.Encoding.ASCII.GetBytes(s).CopyTo(header, at);
        void Int(int at, int v) => BitConverter.TryWriteBytes(header.AsSpan(at), v);
        void Short(int at, short v) => BitConverter.TryWriteBytes(header.AsSpan(at), v);
        var size = (int)Math.Min(int.MaxValue, dataBytes);
        Put(0, "RIFF"); Int(4, size + 36); Put(8, "WAVE"); Put(12, "fmt "); Int(16, 16); Short(20, 1); Short(22, 1);
        Int(24, 16_000); Int(28, 32_000); Short(32, 2); Short(34, 16); Put(36, "data"); Int(40, size);
        return header;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var position = Interlocked.Read(ref _position);
        var n = (int)Math.Min(buffer.Length, length - position);
        if (n <= 0)
        {
            return 0;
        }

        for (var i = 0; i < n; i++)
        {
            var at = position + i;
            buffer[i] = wavHeader && at < 44 ? WavHeaderByte(at) : (byte)(at * 31 % 251);
        }

        Interlocked.Add(ref _position, n);
        Progress?.Invoke(position + n);
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private byte WavHeaderByte(long at) => (_header ??= WavHeader(length - 44))[at];

    private byte[]? _header;
}
