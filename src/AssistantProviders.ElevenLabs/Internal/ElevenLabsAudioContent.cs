// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;

namespace AssistantProviders.ElevenLabs.Internal;

/// <summary>
/// The <c>file</c> part of <c>/v1/speech-to-text</c>: the head already read (to reject empty audio before any request), then the
/// rest of the caller's stream copied as it is read (never buffered whole), stopping past the upload limit.
/// </summary>
internal sealed class ElevenLabsAudioContent : HttpContent
{
    private const int ChunkSize = 81920;
    private readonly byte[] _head;
    private readonly int _headLength;
    private readonly Stream _rest;
    private readonly long _limit;

    public ElevenLabsAudioContent(byte[] head, int headLength, Stream rest, long limit)
    {
        _head = head;
        _headLength = headLength;
        _rest = rest;
        _limit = limit;
    }

    /// <summary>Gets a value indicating whether the upload stopped because the stream went past the limit.</summary>
    public bool LimitExceeded { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(_head.AsMemory(0, _headLength), cancellationToken).ConfigureAwait(false);
        long sent = _headLength;
        var buffer = new byte[ChunkSize];
        int read;
        while ((read = await _rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (sent + read > _limit)
            {
                LimitExceeded = true;
                throw new IOException("The audio went past the upload limit; the upload was stopped.");
            }

            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            sent += read;
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        if (_rest.CanSeek)
        {
            length = _headLength + (_rest.Length - _rest.Position);
            return true;
        }

        length = 0;
        return false;
    }
}
