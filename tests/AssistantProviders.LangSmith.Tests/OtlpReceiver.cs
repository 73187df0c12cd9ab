// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace AssistantProviders.Exporters.Tests;

/// <summary>A loopback OTLP/HTTP receiver (HttpListener on 127.0.0.1) that records every POST and answers 200.</summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<Received> _received = Channel.CreateUnbounded<Received>();
    private readonly Task _loop;

    public OtlpReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    /// <summary>Gets or sets the status to answer with (and a Location for redirects).</summary>
    public (int Status, string? Location) Answer { get; set; } = (200, null);

    public async Task<Received> NextAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _received.Reader.ReadAsync(guard.Token);
    }

    public bool TryNext(out Received? received) => _received.Reader.TryRead(out received);

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            _received.Writer.TryWrite(new Received(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body.ToArray()));
            context.Response.StatusCode = Answer.Status;
            if (Answer.Location is { } location)
            {
                context.Response.RedirectLocation = location;
            }

            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public sealed record Received(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        /// <summary>Whether the protobuf body carries the UTF-8 text (span names are plain length-delimited strings).</summary>
        public bool Contains(string text) => Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
    }
}
