// Licensed under the MIT License. See LICENSE in the project root.
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Benchmarks;

/// <summary>
/// A loopback Kestrel server for the speech benchmarks. Text-to-speech: Deepgram's <c>POST /v1/speak</c> and ElevenLabs'
/// <c>POST /v1/text-to-speech/{voice}/stream</c> answer <see cref="TtsAudio"/>. Live speech-to-text: Deepgram's <c>/v1/listen</c> WebSocket: on connect it sends
/// <see cref="ResultsPerSession"/> precomputed <c>Results</c> messages, discards the audio frames it receives (counting them),
/// and after <c>CloseStream</c> answers the closing <c>Metadata</c> and closes. It holds no audio beyond a 64 KiB input buffer.
/// </summary>
internal sealed class SpeechBenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _audioBytes;

    private SpeechBenchServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Gets the server's base address (<c>http://127.0.0.1:port/</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets or sets the <c>Results</c> messages sent to each session as soon as it opens.</summary>
    public int ResultsPerSession { get; set; }

    /// <summary>Gets the audio bytes received over all sessions.</summary>
    public long AudioBytes => Interlocked.Read(ref _audioBytes);

    /// <summary>One interim <c>Results</c> message of a live session (~600 bytes, the shape of the SDK's recorded messages).</summary>
    public static byte[] ResultsMessage { get; } = Encoding.UTF8.GetBytes(
        "{\"type\":\"Results\",\"channel_index\":[0,1],\"duration\":1.02,\"start\":3.5,\"is_final\":false,\"speech_final\":false,\"channel\":{\"alternatives\":[{\"transcript\":\"and so my fellow americans ask not\",\"confidence\":0.98,\"words\":[" +
        "{\"word\":\"and\",\"start\":3.5,\"end\":3.62,\"confidence\":0.99,\"punctuated_word\":\"And\"},{\"word\":\"so\",\"start\":3.62,\"end\":3.8,\"confidence\":0.99,\"punctuated_word\":\"so\"}," +
        "{\"word\":\"my\",\"start\":3.8,\"end\":3.95,\"confidence\":0.98,\"punctuated_word\":\"my\"},{\"word\":\"fellow\",\"start\":3.95,\"end\":4.2,\"confidence\":0.97,\"punctuated_word\":\"fellow\"}," +
        "{\"word\":\"americans\",\"start\":4.2,\"end\":4.4,\"confidence\":0.99,\"punctuated_word\":\"Americans,\"},{\"word\":\"ask\",\"start\":4.4,\"end\":4.5,\"confidence\":0.99,\"punctuated_word\":\"ask\"}]}]}," +
        "\"metadata\":{\"request_id\":\"550e8400-e29b-41d4-a716-446655440000\",\"model_info\":{\"name\":\"general-nova-3\",\"version\":\"2025-04-17.21547\",\"arch\":\"nova-3\"},\"model_uuid\":\"2187e11a-3532-4498-b076-81fa530bdd49\"}}");

    private static byte[] ClosingMetadata { get; } = Encoding.UTF8.GetBytes(
        "{\"type\":\"Metadata\",\"transaction_key\":\"deprecated\",\"request_id\":\"550e8400-e29b-41d4-a716-446655440000\",\"sha256\":\"00\",\"created\":\"2026-12-03T00:00:00Z\",\"duration\":3600.0,\"channels\":1}");

    /// <summary>The 8 MiB audio body the text-to-speech routes answer (random bytes after an MP3 frame sync).</summary>
    public static byte[] TtsAudio { get; } = CreateAudio(8 * 1024 * 1024);

    public static async Task<SpeechBenchServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(System.Net.IPAddress.Loopback, 0);
            // The server shares the process (and so the measured heap) with the client: let it hold 64 KiB of unread input, not
            // Kestrel's default 1 MiB, so the memory run measures the client's buffering rather than the server's.
            o.Limits.MaxRequestBufferSize = 64 * 1024;
        });
        var app = builder.Build();
        app.UseWebSockets();
        SpeechBenchServer? server = null;
        app.MapPost("/v1/speak", (HttpContext ctx) => WriteAudioAsync(ctx));
        app.MapPost("/v1/text-to-speech/{voice}/stream", (HttpContext ctx) => WriteAudioAsync(ctx));
        app.Map("/v1/listen", async (HttpContext ctx) =>
        {
            if (!ctx.WebSockets.IsWebSocketRequest)
            {
                ctx.Response.StatusCode = 400;
                return;
            }

            using var socket = await ctx.WebSockets.AcceptWebSocketAsync();
            await server!.ServeAsync(socket, ctx.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new SpeechBenchServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
        return server;
    }

    private static byte[] CreateAudio(int length)
    {
        var audio = new byte[length];
        new Random(15).NextBytes(audio);
        audio[0] = 0xFF;
        audio[1] = 0xFB;
        return audio;
    }

    private static async Task WriteAudioAsync(HttpContext ctx)
    {
        await ctx.Request.Body.CopyToAsync(Stream.Null);
        ctx.Response.ContentType = "audio/mpeg";
        ctx.Response.ContentLength = TtsAudio.Length;
        await ctx.Response.Body.WriteAsync(TtsAudio);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// <c>--speech-server</c>: serves in its own process (so the memory run measures the client alone), prints its base address,
    /// then one <c>received N</c> line per finished session, until standard input closes.
    /// </summary>
    public static async Task<int> RunStandaloneAsync()
    {
        await using var server = await StartAsync();
        server.SessionEnded = bytes => Console.WriteLine("received " + bytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Console.WriteLine(server.BaseAddress);
        await Console.In.ReadToEndAsync();
        return 0;
    }

    /// <summary>Gets or sets a callback with the audio bytes a session received, called when it ends.</summary>
    public Action<long>? SessionEnded { get; set; }

    private async Task ServeAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var received = new System.Runtime.CompilerServices.StrongBox<long>();
        try
        {
            await ServeCoreAsync(socket, received, cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            Console.Error.WriteLine("session ended with " + ex.GetType().Name + ": " + ex.Message);
        }
        finally
        {
            SessionEnded?.Invoke(received.Value);
        }
    }

    private async Task ServeCoreAsync(WebSocket socket, System.Runtime.CompilerServices.StrongBox<long> received, CancellationToken cancellationToken)
    {
        var send = Task.Run(async () =>
        {
            for (var i = 0; i < ResultsPerSession; i++)
            {
                await socket.SendAsync(ResultsMessage, WebSocketMessageType.Text, true, cancellationToken);
            }
        }, cancellationToken);
        var buffer = new byte[64 * 1024];
        var text = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await send;
                return;
            }

            if (result.MessageType == WebSocketMessageType.Binary)
            {
                Interlocked.Add(ref _audioBytes, result.Count);
                received.Value += result.Count;
                continue;
            }

            text.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var message = Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length);
            text.SetLength(0);
            if (message.Contains("CloseStream", StringComparison.Ordinal))
            {
                await send;
                await socket.SendAsync(ClosingMetadata, WebSocketMessageType.Text, true, cancellationToken);
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                return;
            }
        }
    }
}
