// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AssistantProviders.Adversarial.Tests.Harness;

/// <summary>
/// A raw <see cref="TcpListener"/> on 127.0.0.1 that plays a hostile or broken vendor: it accepts every connection, reads the
/// request (head and Content-Length body) and hands the socket to the case's script, which writes scripted bytes (partial or
/// absurd headers, split events, lies, resets, stalls on a signal). Each connection serves one request and is then closed.
/// </summary>
public sealed class HostileServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<HostileExchange, Task> _script;
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Task _accept;
    private int _count;

    public HostileServer(Func<HostileExchange, Task> script)
    {
        _script = script;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start(backlog: 512);
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accept = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Gets the base address, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri Url { get; }

    /// <summary>Gets the requests received so far, in arrival order.</summary>
    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    /// <summary>Gets the number of requests received so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Gets or sets a counter incremented once per request, after it was read and before the script runs.</summary>
    public SignalCounter? Arrivals { get; set; }

    /// <summary>Gets the failures of scripts (a script that throws is a broken case, not a hostile server).</summary>
    public ConcurrentQueue<Exception> ScriptErrors { get; } = new();

    /// <summary>Builds an address on this server.</summary>
    public Uri At(string relative) => new(Url, relative);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accept;
            await Task.WhenAll(_connections);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _connections.Add(Task.Run(() => ServeAsync(socket)));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        socket.NoDelay = true;
        using var stream = new NetworkStream(socket, ownsSocket: true);
        HostileExchange exchange;
        try
        {
            var request = await ReadRequestAsync(stream, _stop.Token);
            if (request is null)
            {
                return;
            }

            Received.Enqueue(request);
            var index = Interlocked.Increment(ref _count) - 1;
            Arrivals?.Increment();
            exchange = new HostileExchange(socket, stream, request, index, _stop.Token);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        try
        {
            await _script(exchange);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away mid-script (it gave up, as it should): not a harness failure.
        }
        catch (Exception ex)
        {
            ScriptErrors.Enqueue(ex);
        }
    }

    private static async Task<ReceivedRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>(1024);
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            head.Add(one[0]);
            if (head.Count > 1024 * 1024)
            {
                throw new IOException("request head too large");
            }
        }

        var headText = Encoding.ASCII.GetString([.. head]);
        var lines = headText.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var length = 0;
        foreach (var line in lines.Skip(1))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = await stream.ReadAsync(body.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                return null;
            }

            read += n;
        }

        return new ReceivedRequest(requestLine[0], requestLine.Length > 1 ? requestLine[1] : string.Empty, headText, Encoding.UTF8.GetString(body));
    }

    private static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';
}
