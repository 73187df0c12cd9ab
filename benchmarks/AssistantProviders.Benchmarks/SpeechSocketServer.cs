// Licensed under the MIT License. See LICENSE in the project root.
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Benchmarks;

/// <summary>
/// A loopback Kestrel server for the speech sockets' parse + map benchmark: Deepgram's <c>/v1/listen</c>, AssemblyAI's
/// <c>/v3/ws</c> and ElevenLabs' <c>/v1/text-to-speech/{voice}/stream-input</c>. On connect each sends its precomputed
/// <see cref="SpeechSocketMessages"/> session; it discards what the client sends (audio, text) until the vendor's end message
/// (<c>CloseStream</c>, <c>Terminate</c>, the empty text), then sends the closing message and closes normally (1000).
/// </summary>
internal sealed class SpeechSocketServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SpeechSocketServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Gets the server's base address (<c>http://127.0.0.1:port/</c>).</summary>
    public Uri BaseAddress { get; }

    public static async Task<SpeechSocketServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/v1/listen", (HttpContext ctx) => ServeAsync(ctx, SpeechSocketMessages.Deepgram, SpeechSocketMessages.DeepgramClosing, "\"CloseStream\""u8.ToArray()));
        app.Map("/v3/ws", (HttpContext ctx) => ServeAsync(ctx, SpeechSocketMessages.AssemblyAI, SpeechSocketMessages.AssemblyAIClosing, "\"Terminate\""u8.ToArray()));
        app.Map("/v1/text-to-speech/{voice}/stream-input", (HttpContext ctx) => ServeAsync(ctx, SpeechSocketMessages.ElevenLabs, SpeechSocketMessages.ElevenLabsClosing, "\"text\":\"\""u8.ToArray()));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SpeechSocketServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task ServeAsync(HttpContext ctx, IReadOnlyList<byte[]> messages, byte[] closing, byte[] endMarker)
    {
        if (!ctx.WebSockets.IsWebSocketRequest)
        {
            ctx.Response.StatusCode = 400;
            return;
        }

        using var socket = await ctx.WebSockets.AcceptWebSocketAsync();
        var cancellationToken = ctx.RequestAborted;
        var send = Task.Run(
            async () =>
            {
                foreach (var message in messages)
                {
                    await socket.SendAsync(message, WebSocketMessageType.Text, true, cancellationToken);
                }
            },
            cancellationToken);
        try
        {
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
                    continue;
                }

                text.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var ended = text.GetBuffer().AsSpan(0, (int)text.Length).IndexOf(endMarker) >= 0;
                text.SetLength(0);
                if (ended)
                {
                    await send;
                    await socket.SendAsync(closing, WebSocketMessageType.Text, true, cancellationToken);
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            Console.Error.WriteLine("speech socket session ended with " + ex.GetType().Name + ": " + ex.Message);
        }
    }
}
