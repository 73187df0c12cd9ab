// Licensed under the MIT License. See LICENSE in the project root.
using System.Net.Sockets;
using System.Text;

namespace AssistantProviders.Adversarial.Tests.Harness;

/// <summary>One accepted connection with its request read: the script writes whatever bytes it likes, stalls on a signal or resets.</summary>
public sealed class HostileExchange
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;

    internal HostileExchange(Socket socket, NetworkStream stream, ReceivedRequest request, int index, CancellationToken stopping)
    {
        _socket = socket;
        _stream = stream;
        Request = request;
        Index = index;
        Stopping = stopping;
    }

    /// <summary>Gets the request the client sent.</summary>
    public ReceivedRequest Request { get; }

    /// <summary>Gets the zero-based number of this request on the server.</summary>
    public int Index { get; }

    /// <summary>Gets a token cancelled when the server is disposed (the end of the case).</summary>
    public CancellationToken Stopping { get; }

    /// <summary>Gets a value indicating whether the script reset the connection.</summary>
    public bool WasReset { get; private set; }

    public Task WriteAsync(string text) => WriteAsync(Encoding.UTF8.GetBytes(text));

    public async Task WriteAsync(ReadOnlyMemory<byte> bytes)
    {
        await _stream.WriteAsync(bytes, Stopping);
        await _stream.FlushAsync(Stopping);
    }

    /// <summary>Writes the text one byte per TCP send (Nagle off), so every byte boundary is a possible read boundary.</summary>
    public async Task WriteByteByByteAsync(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < bytes.Length; i++)
        {
            await _stream.WriteAsync(bytes.AsMemory(i, 1), Stopping);
            await _stream.FlushAsync(Stopping);
        }
    }

    /// <summary>Aborts the connection with a TCP RST (linger 0), the way a crashed proxy does.</summary>
    public void Reset()
    {
        WasReset = true;
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
    }

    /// <summary>Waits (never sleeps) until <paramref name="release"/> completes or the case ends.</summary>
    public async Task HoldAsync(Task release)
    {
        try
        {
            await release.WaitAsync(Stopping);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Completes when the client closes or aborts its side of the connection (or the case ends).</summary>
    public async Task ClientGoneAsync()
    {
        var buffer = new byte[256];
        try
        {
            while (await _stream.ReadAsync(buffer, Stopping) > 0)
            {
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}
