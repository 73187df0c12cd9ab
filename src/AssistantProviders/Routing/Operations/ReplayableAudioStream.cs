// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Routing;

/// <summary>
/// A forward-only audio stream (a microphone, a live feed) as the streaming speech router reads it: the bytes are passed on as
/// they arrive, not buffered whole, and the first <see cref="RecordLimit"/> bytes are recorded so that a failover before the
/// first transcript update can send them again. Recording stops at the first exposed update (no failover after it) or when the
/// limit is passed (no failover at all); either way memory stays bounded however long the audio runs.
/// </summary>
internal sealed class ReplayableAudioStream(Stream source) : Stream
{
    /// <summary>The most audio kept for a failover: 1 MiB (about 30 s of 16 kHz 16-bit mono PCM).</summary>
    public const int RecordLimit = 1024 * 1024;

    private MemoryStream? _recorded = new();
    private long _replay = -1;
    private bool _stopped;

    /// <summary>Gets a value indicating whether the audio read so far can still be sent again.</summary>
    public bool CanReplay => !_stopped && _recorded is not null;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Starts reading from the beginning again: the recorded bytes, then the rest of the source.</summary>
    /// <returns><see langword="false"/> when the start is no longer kept.</returns>
    public bool Rewind()
    {
        if (!CanReplay)
        {
            return false;
        }

        _replay = 0;
        return true;
    }

    /// <summary>
    /// Stops recording (the first update was exposed: there is no failover after it). What is kept is dropped now, or, while it
    /// is being sent again, as soon as that replay has been read.
    /// </summary>
    public void StopRecording()
    {
        _stopped = true;
        if (_replay < 0)
        {
            Drop();
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (TryReplay(buffer, out var replayed))
        {
            return replayed;
        }

        var read = source.Read(buffer);
        Record(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (TryReplay(buffer.Span, out var replayed))
        {
            return replayed;
        }

        var read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Record(buffer.Span[..read]);
        return read;
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
            _stopped = true;
            Drop();
        }

        // The caller's stream stays the caller's to dispose.
        base.Dispose(disposing);
    }

    private bool TryReplay(Span<byte> buffer, out int read)
    {
        read = 0;
        if (_recorded is null || _replay < 0 || _replay >= _recorded.Length)
        {
            _replay = -1;
            if (_stopped)
            {
                Drop();
            }

            return false;
        }

        var kept = _recorded.GetBuffer().AsSpan((int)_replay, (int)(_recorded.Length - _replay));
        read = Math.Min(kept.Length, buffer.Length);
        kept[..read].CopyTo(buffer);
        _replay += read;
        return true;
    }

    private void Drop()
    {
        _recorded?.Dispose();
        _recorded = null;
        _replay = -1;
    }

    private void Record(ReadOnlySpan<byte> bytes)
    {
        if (_recorded is null || _stopped)
        {
            return;
        }

        if (_recorded.Length + bytes.Length > RecordLimit)
        {
            _stopped = true;
            Drop();
            return;
        }

        _recorded.Write(bytes);
    }
}
