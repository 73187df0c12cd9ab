// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text;
using System.Text.Json;

namespace AssistantProviders.Redaction.Tests;

/// <summary>
/// A vendor gone wrong on the stream path: a 200 whose first event (in the vendor's own wire format) echoes the key in the model,
/// the id and the text, with the key in the response headers, and then a cut whose transport error carries the key too.
/// </summary>
internal sealed class StreamCutHandler(string provider, string key) : HttpMessageHandler
{
    public int Calls { get; private set; }

    public List<HttpRequestMessage> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Calls++;
        Requests.Add(request);
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new CutContent(Encoding.UTF8.GetBytes(FirstEvent(provider, key)), key, provider == "ollama" ? "application/x-ndjson" : "text/event-stream"),
            RequestMessage = request,
        };
        response.Headers.TryAddWithoutValidation("x-request-id", "req_" + key);
        response.Headers.TryAddWithoutValidation("request-id", key);
        return Task.FromResult(response);
    }

    private static string FirstEvent(string provider, string key)
    {
        var k = JsonSerializer.Serialize(key);
        var text = JsonSerializer.Serialize("your key is " + key);
        var template = provider switch
        {
            "anthropic" => """
                event: message_start
                data: {"type":"message_start","message":{"id":@K@,"type":"message","role":"assistant","model":@K@,"content":[],"stop_reason":null,"usage":{"input_tokens":5,"output_tokens":0}}}

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":@T@}}


                """,
            "gemini" => """
                data: {"candidates":[{"content":{"role":"model","parts":[{"text":@T@}]},"index":0}],"modelVersion":@K@,"responseId":@K@}


                """,
            "cohere" => """
                event: message-start
                data: {"id":@K@,"type":"message-start","delta":{"message":{"role":"assistant"}}}

                event: content-start
                data: {"type":"content-start","index":0,"delta":{"message":{"content":{"type":"text","text":""}}}}

                event: content-delta
                data: {"type":"content-delta","index":0,"delta":{"message":{"content":{"text":@T@}}}}


                """,
            "ollama" => """{"model":@K@,"created_at":"2024-01-01T00:00:00Z","message":{"role":"assistant","content":@T@},"done":false}""" + "\n",
            _ => """
                data: {"id":@K@,"object":"chat.completion.chunk","created":1700000000,"model":@K@,"choices":[{"index":0,"delta":{"role":"assistant","content":@T@},"finish_reason":null}]}


                """,
        };
        // Plain raw strings with placeholders: the JSON braces need no escaping.
        return template.Replace("@K@", k, StringComparison.Ordinal).Replace("@T@", text, StringComparison.Ordinal);
    }

    /// <summary>A body that yields its bytes, then fails the next read the way a reset connection does, with the key in the error.</summary>
    private sealed class CutContent : HttpContent
    {
        private readonly byte[] _first;
        private readonly string _key;

        public CutContent(byte[] first, string key, string mediaType)
        {
            _first = first;
            _key = key;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => throw new NotSupportedException();

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new CutStream(_first, _key));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private sealed class CutStream(byte[] first, string key) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position >= first.Length)
            {
                throw new IOException($"Connection reset by peer while reading https://redaction.invalid/v1/chat?key={key} (Authorization: Bearer {key})", new System.Net.Sockets.SocketException(104));
            }

            var n = Math.Min(buffer.Length, first.Length - _position);
            first.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
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
}
