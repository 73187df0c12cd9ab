// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace AssistantProviders.Adversarial.Tests.Harness;

/// <summary>Builders for the bytes a hostile server writes: whole responses, streaming heads, chunks and SSE events.</summary>
public static class Wire
{
    /// <summary>A whole HTTP/1.1 response with a true Content-Length and <c>Connection: close</c>.</summary>
    public static string Response(int status, string body, string contentType = "application/json", params string[] headers) =>
        $"HTTP/1.1 {status} {Reason(status)}\r\nContent-Type: {contentType}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n{Lines(headers)}Connection: close\r\n\r\n{body}";

    /// <summary>The head of a streamed response whose body is delimited by the end of the connection (no length, no chunking).</summary>
    public static string StreamHead(string contentType = "text/event-stream", params string[] headers) =>
        $"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\n{Lines(headers)}Connection: close\r\n\r\n";

    /// <summary>The head of a chunked response: a close without the final zero chunk is a cut the client must notice.</summary>
    public static string ChunkedHead(string contentType = "text/event-stream", int status = 200, params string[] headers) =>
        $"HTTP/1.1 {status} {Reason(status)}\r\nContent-Type: {contentType}\r\nTransfer-Encoding: chunked\r\n{Lines(headers)}Connection: close\r\n\r\n";

    /// <summary>One chunk of a chunked body.</summary>
    public static string Chunk(string data) =>
        Encoding.UTF8.GetByteCount(data).ToString("x", CultureInfo.InvariantCulture) + "\r\n" + data + "\r\n";

    /// <summary>The last chunk of a chunked body.</summary>
    public const string LastChunk = "0\r\n\r\n";

    /// <summary>One SSE event with a single <c>data:</c> line (and an optional <c>event:</c> line).</summary>
    public static string Sse(string data, string? eventName = null) =>
        (eventName is null ? string.Empty : "event: " + eventName + "\n") + "data: " + data + "\n\n";

    /// <summary>Gzip of <paramref name="prefix"/> then <paramref name="megabytes"/> MB of <c>a</c> (a few hundred KB on the wire): a decompression bomb that stays valid-looking JSON or SSE.</summary>
    public static byte[] GzipBomb(string prefix, int megabytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.ASCII.GetBytes(prefix));
            var block = Encoding.ASCII.GetBytes(new string('a', 1024 * 1024));
            for (var i = 0; i < megabytes; i++)
            {
                gzip.Write(block);
            }
        }

        return output.ToArray();
    }

    private static string Lines(string[] headers) => string.Concat(headers.Select(h => h + "\r\n"));

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        302 => "Found",
        307 => "Temporary Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
