// Licensed under the MIT License. See LICENSE in the project root.
using System.Net.Sockets;

namespace AssistantProviders.IntegrationTests;

/// <summary>Checks whether a local server (Ollama, LM Studio, MLX) is listening, giving up after 300 ms.</summary>
internal static class LocalProbe
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(300);

    public static async Task<bool> IsListeningAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        if (!endpoint.IsLoopback)
        {
            // Only loopback is probed; a remote "local" server is the user's explicit choice, so try it.
            return true;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(Budget);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(endpoint.Host, endpoint.Port, cts.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
