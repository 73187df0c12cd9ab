// Licensed under the MIT License. See LICENSE in the project root.
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;

namespace AssistantProviders.Shared;

/// <summary>
/// Reads server-sent events with <see cref="SseParser"/> (LF, CR and CRLF line ends, multi-line <c>data:</c>, comments and
/// UTF-8 split across reads are handled by the parser). Enforces the per-event size cap and turns a dropped connection into
/// <see cref="IncompleteStreamException"/>. Terminator detection is the caller's job: it knows its vendor's end marker.
/// </summary>
internal static class SseEventReader
{
    public static IAsyncEnumerable<SseItem<string>> ReadAsync(
        Stream stream, ProviderTransport transport, string? modelId, Func<int> itemsSoFar, CancellationToken cancellationToken) =>
        ReadAsync(stream, transport, modelId, itemsSoFar, static (_, data) => Encoding.UTF8.GetString(data), cancellationToken);

    public static async IAsyncEnumerable<SseItem<T>> ReadAsync<T>(
        Stream stream, ProviderTransport transport, string? modelId, Func<int> itemsSoFar, SseItemParser<T> parse, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var max = transport.Options.MaxEventBytes;
        var providerId = transport.Descriptor.Id;
        // The parser buffers a whole event before the callback sees it; the guard stops an event that never ends at the cap.
        var guarded = new SseEventLimitStream(stream, max, () => TooLarge(transport, modelId, max));
        var parser = SseParser.Create(guarded, (eventType, data) =>
        {
            if (data.Length > max)
            {
                throw new ResponseTooLargeException($"A {transport.Descriptor.DisplayName} stream event of {data.Length} bytes exceeded the {max}-byte limit (MaxEventBytes).")
                {
                    ProviderId = providerId,
                    ModelId = modelId,
                };
            }

            return parse(eventType, data);
        });

        var e = parser.EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                bool moved;
                try
                {
                    moved = await e.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                {
                    throw transport.Incomplete(modelId, $"the connection was closed after {itemsSoFar()} events", ex, billed: itemsSoFar() > 0);
                }

                if (!moved)
                {
                    yield break;
                }

                // The parser hands out events already buffered without looking at the token; honour a cancel between events.
                cancellationToken.ThrowIfCancellationRequested();
                yield return e.Current;
            }
        }
        finally
        {
            await e.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static ResponseTooLargeException TooLarge(ProviderTransport transport, string? modelId, int max) =>
        new($"A {transport.Descriptor.DisplayName} stream event exceeded the {max}-byte limit (MaxEventBytes) before it ended.")
        {
            ProviderId = transport.Descriptor.Id,
            ModelId = modelId,
        };
}
