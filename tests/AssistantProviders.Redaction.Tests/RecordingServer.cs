// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AssistantProviders.Redaction.Tests;

/// <summary>
/// A minimal loopback HTTP/1.1 server on a given loopback address: records each request's head (request line and headers)
/// and answers with a fixed status (and Location), closing the connection.
/// </summary>
internal sealed class RecordingServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RecordingServer(IPAddress address, int status, string? location = null)
    {
        _listener = new TcpListener(address, 0);
        _listener.Start();
        Url = $"http://{address}:{((IPEndPoint)_listener.LocalEndpoint).Port}/";
        Status = status;
        Location = location;
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public int Status { get; }

    public string? Location { get; set; }

    public ConcurrentQueue<string> Requests { get; } = new();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            using (client)
            {
                var stream = client.GetStream();
                var head = new StringBuilder();
                var buffer = new byte[1];
                while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(buffer) == 1)
                {
                    head.Append((char)buffer[0]);
                }

                Requests.Enqueue(head.ToString());
                var answer = $"HTTP/1.1 {Status} X\r\n{(Location is null ? string.Empty : "Location: " + Location + "\r\n")}Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(answer));
            }
        }
    }
}
