// Licensed under the MIT License. See LICENSE in the project root.
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace AssistantProviders.Shared;

/// <summary>
/// Reads the SSE body of a successful streaming response: applies the response size cap, enumerates events through
/// <see cref="SseEventReader"/> and (through <see cref="StreamGuard"/>) turns the provider's own stream-duration limit into <see cref="ProviderTimeoutException"/>.
/// The caller's cancellation stays an <see cref="OperationCanceledException"/>. Terminator detection stays with the caller.
/// </summary>
internal static class ProviderSseStream
{
    public static IAsyncEnumerable<SseItem<string>> ReadAsync(
        ProviderTransport transport, ProviderResponse response, string? modelId, Func<int> eventsSoFar, CancellationToken cancellationToken) =>
        ReadAsync(transport, response, modelId, eventsSoFar, static (_, data) => System.Text.Encoding.UTF8.GetString(data), cancellationToken);

    public static async IAsyncEnumerable<SseItem<T>> ReadAsync<T>(
        ProviderTransport transport, ProviderResponse response, string? modelId, Func<int> eventsSoFar, SseItemParser<T> parse, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stream = transport.OpenLimited(await response.Message.Content.ReadAsStreamAsync(response.Token).ConfigureAwait(false));
        var events = SseEventReader.ReadAsync(stream, transport, modelId, eventsSoFar, parse, response.Token);
        await foreach (var item in StreamGuard.MapTimeouts(events, transport, response, modelId, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
