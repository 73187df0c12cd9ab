// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;

namespace AssistantProviders.Shared;

/// <summary>
/// Wraps a stream of events or lines so that the provider's own stream time limit (<see cref="ProviderClientOptions.MaxStreamDuration"/>)
/// surfaces as <see cref="ProviderTimeoutException"/>, while the caller's cancellation stays a plain <see cref="OperationCanceledException"/>.
/// </summary>
internal static class StreamGuard
{
    public static async IAsyncEnumerable<T> MapTimeouts<T>(
        IAsyncEnumerable<T> source, ProviderTransport transport, ProviderResponse response, string? modelId, [EnumeratorCancellation] CancellationToken callerToken)
    {
        var e = source.GetAsyncEnumerator(response.Token);
        try
        {
            while (true)
            {
                bool moved;
                try
                {
                    moved = await e.MoveNextAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (!callerToken.IsCancellationRequested && response.TimedOut)
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
