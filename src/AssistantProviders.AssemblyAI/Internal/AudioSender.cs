// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;

namespace AssistantProviders.AssemblyAI.Internal;

/// <summary>
/// The audio pump of a live session: frames of 100 ms sent as they are read from the caller's stream (AssemblyAI takes 50 to
/// 1000 ms per frame; the last one is padded with silence to 50 ms), then <c>{"type":"Terminate"}</c>. A failure reading the
/// caller's stream is kept in <see cref="Error"/> and wakes the reader; a failed send is left for the reader, which sees the
/// socket's close or drop itself.
/// </summary>
internal sealed class AudioSender : IDisposable
{
    private readonly ProviderWebSocket _socket;
    private readonly AudioHead _head;
    private readonly LiveFormat _format;
    private readonly Stream _audio;
    private readonly CancellationTokenSource _failed = new();
    private CancellationTokenSource? _linked;

    public AudioSender(ProviderWebSocket socket, AudioHead head, LiveFormat format, Stream audio)
    {
        _socket = socket;
        _head = head;
        _format = format;
        _audio = audio;
    }

    /// <summary>Gets the error met reading the caller's audio, if any.</summary>
    public Exception? Error { get; private set; }

    /// <summary>Gets the number of audio bytes sent (padding included).</summary>
    public long BytesSent { get; private set; }

    /// <summary>Gets a value indicating whether <c>Terminate</c> was sent.</summary>
    public bool Terminated { get; private set; }

    /// <summary>A token cancelled by <paramref name="cancellationToken"/> or by a failure reading the audio.</summary>
    public CancellationToken Failed(CancellationToken cancellationToken) =>
        (_linked ??= CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _failed.Token)).Token;

    public async Task RunAsync(CancellationToken stop)
    {
        var frameBytes = Math.Max(2, _format.BytesPerSecond / 10 & ~1);
        var minBytes = Math.Max(2, _format.BytesPerSecond / 20 & ~1);
        var frame = new byte[frameBytes];
        var pendingStart = _head.Length > _format.DataOffset ? _format.DataOffset : _head.Length;
        var more = _head.Length == AudioHead.Size;
        try
        {
            while (true)
            {
                var filled = 0;
                var fromHead = Math.Min(frameBytes, _head.Length - pendingStart);
                if (fromHead > 0)
                {
                    _head.Buffer.AsSpan(pendingStart, fromHead).CopyTo(frame);
                    pendingStart += fromHead;
                    filled = fromHead;
                }

                if (filled < frameBytes && more)
                {
                    int read;
                    try
                    {
                        read = await _audio.ReadAtLeastAsync(frame.AsMemory(filled), frameBytes - filled, throwOnEndOfStream: false, stop).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
                    {
                        Error = ex;
                        await _failed.CancelAsync().ConfigureAwait(false);
                        return;
                    }

                    filled += read;
                    more = filled == frameBytes;
                }

                if (filled == 0)
                {
                    break;
                }

                if (filled < minBytes)
                {
                    frame.AsSpan(filled, minBytes - filled).Fill(_format.Silence);
                    filled = minBytes;
                }

                await _socket.SendBinaryAsync(frame.AsMemory(0, filled), stop).ConfigureAwait(false);
                BytesSent += filled;
                if (filled < frameBytes)
                {
                    break;
                }
            }

            await _socket.SendJsonAsync(new AssemblyAIControlMessage(AssemblyAIControlMessage.Terminate), AssemblyAIJsonContext.Default.AssemblyAIControlMessage, stop).ConfigureAwait(false);
            Terminated = true;
        }
        catch (Exception ex) when (ex is AssistantProviderException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopped, or the socket closed or dropped: the reader reports it.
        }
    }

    /// <summary>Waits for the pump to stop (it never throws).</summary>
    public static async Task WaitAsync(Task sending)
    {
        try
        {
            await sending.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AssistantProviderException or ObjectDisposedException or OperationCanceledException)
        {
            // Already accounted for in RunAsync.
        }
    }

    public void Dispose()
    {
        _linked?.Dispose();
        _failed.Dispose();
    }
}
