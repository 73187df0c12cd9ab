// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace AssistantProviders.Shared;

/// <summary>
/// Reads newline-delimited JSON as lines of text. Handles LF and CRLF, UTF-8 split across reads, a last line without
/// a newline, blank lines (skipped) and the per-line cap (<see cref="ProviderClientOptions.MaxEventBytes"/>).
/// </summary>
internal static class NdjsonLineReader
{
    public static async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadAsync(
        Stream stream, ProviderTransport transport, string? modelId, Func<int> linesSoFar, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var max = transport.Options.MaxEventBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var line = new ArrayBufferWriter<byte>(1024);
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                {
                    throw transport.Incomplete(modelId, $"the connection was closed after {linesSoFar()} lines", ex, billed: linesSoFar() > 0);
                }

                if (read == 0)
                {
                    if (line.WrittenCount > 0 && TryDecode(line, out var last))
                    {
                        // A last line without a newline is fine when it is whole JSON; a cut inside a line is a cut stream.
                        if (!IsWholeJson(line.WrittenSpan))
                        {
                            throw transport.Incomplete(modelId, $"the stream ended inside line {linesSoFar() + 1}", billed: linesSoFar() > 0);
                        }

                        yield return last;
                    }

                    yield break;
                }

                var span = buffer.AsMemory(0, read);
                while (!span.IsEmpty)
                {
                    var nl = span.Span.IndexOf((byte)'\n');
                    var part = nl < 0 ? span : span[..nl];
                    if (line.WrittenCount + part.Length > max)
                    {
                        throw new ResponseTooLargeException($"A {transport.Descriptor.DisplayName} stream line exceeded the {max}-byte limit (MaxEventBytes).")
                        {
                            ProviderId = transport.Descriptor.Id,
                            ModelId = modelId,
                        };
                    }

                    line.Write(part.Span);
                    if (nl < 0)
                    {
                        break;
                    }

                    span = span[(nl + 1)..];
                    if (TryDecode(line, out var text))
                    {
                        // Lines already buffered must not outrun a cancel.
                        cancellationToken.ThrowIfCancellationRequested();
                        yield return text;
                    }

                    line.ResetWrittenCount();
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsWholeJson(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes, isFinalBlock: true, state: default);
        try
        {
            return reader.Read() && reader.TrySkip();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// The line without its surrounding JSON whitespace (space, tab, CR, LF), as UTF-8 bytes: no string per line, so the JSON
    /// reader parses the bytes as they arrived. The memory is the reader's buffer, valid until the next line is read.
    /// </summary>
    private static bool TryDecode(ArrayBufferWriter<byte> line, out ReadOnlyMemory<byte> text)
    {
        text = line.WrittenMemory.Trim(" \t\r\n"u8);
        return !text.IsEmpty;
    }
}
