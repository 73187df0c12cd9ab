// Licensed under the MIT License. See LICENSE in the project root.
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace AssistantProviders.Shared;

/// <summary>
/// Reads the SSE body of a successful streaming response: applies the response size cap, enumerates events through
/// <see cref="SseEventReader"/> and turns the provider's own stream-duration limit into <see cref="ProviderTimeoutException"/>.
/// The caller's cancellation stays an <see cref="OperationCanceledException"/>. Terminator detection stays with the caller.
/// </summary>
internal static class ProviderSseStream
{
    public static async IAsyncEnumerable<SseItem<string>> ReadAsync(
        ProviderTransport transport, ProviderResponse response, string? modelId, Func<int> eventsSoFar, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stream = transport.OpenLimited(await response.Message.Content.ReadAsStreamAsync(response.Token).ConfigureAwait(false));
        var e = SseEventReader.ReadAsync(stream, transport, modelId, eventsSoFar, response.Token).GetAsyncEnumerator(response.Token);
        try
        {
            while (true)
            {
                bool moved;
                try
                {
                    moved = await e.MoveNextAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && response.TimedOut)
                {
                    throw transport.TimeoutError(modelId, transport.Options.MaxStreamDuration, ex);
                }

                if (!moved)
                {
                    yield break;
                }

                yield return e.Current;
            }
        }
        finally
        {
            await e.DisposeAsync().ConfigureAwait(false);
        }
    }
}
