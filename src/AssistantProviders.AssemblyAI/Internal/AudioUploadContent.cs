// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Net.Http.Headers;
using AssistantProviders.Shared;

namespace AssistantProviders.AssemblyAI.Internal;

/// <summary>
/// The raw body of <c>POST /v2/upload</c>: the head already read, then the rest of the caller's stream copied as it is read
/// (never buffered whole). It counts the bytes and stops past the upload limit. The caller keeps ownership of its stream.
/// </summary>
internal sealed class AudioUploadContent : HttpContent
{
    private const int ChunkSize = 81920;
    private readonly AudioHead _head;
    private readonly Stream _rest;
    private readonly long _limit;

    public AudioUploadContent(AudioHead head, Stream rest, long limit)
    {
        _head = head;
        _rest = rest;
        _limit = limit;
        Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
    }

    /// <summary>Gets the number of bytes sent so far.</summary>
    public long BytesSent { get; private set; }

    /// <summary>Gets a value indicating whether the upload stopped because the stream went past the limit.</summary>
    public bool LimitExceeded { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(_head.Buffer.AsMemory(0, _head.Length), cancellationToken).ConfigureAwait(false);
        BytesSent = _head.Length;
        if (_head.Length < AudioHead.Size)
        {
            return; // The head already reached the end of the stream.
        }

        var buffer = new byte[ChunkSize];
        int read;
        while ((read = await _rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (BytesSent + read > _limit)
            {
                LimitExceeded = true;
                throw new IOException("The audio went past the upload limit; the upload was stopped.");
            }

            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            BytesSent += read;
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        if (_head.Length < AudioHead.Size)
        {
            length = _head.Length;
            return true;
        }

        if (_rest.CanSeek)
        {
            length = _head.Length + Math.Max(0, _rest.Length - _rest.Position);
            return true;
        }

        length = 0;
        return false;
    }
}
