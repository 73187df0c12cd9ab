// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Benchmarks;

/// <summary>
/// A loopback upstream that serves BenchServer's 500-chunk OpenAI stream and, while <see cref="Hold"/> is in force, sends the
/// first <see cref="HoldAfterChunks"/> chunks and waits for <see cref="Release"/> before the rest, so many streams can be held
/// open mid-way; a held stream's connection is closed when it ends. Non-streamed requests get BenchServer's completion.
/// </summary>
internal sealed class HeldStreamServer : IAsyncDisposable
{
    public const int HoldAfterChunks = BenchServer.StreamChunks / 2;
    private static readonly int SplitAt = IndexAfterEvents(BenchServer.CompletionSse, HoldAfterChunks);
    private readonly WebApplication _app;
    private TaskCompletionSource? _hold;

    private HeldStreamServer(WebApplication app)
    {
        _app = app;
    }

    public Uri OpenAIEndpoint { get; private set; } = null!;

    public static async Task<HeldStreamServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new HeldStreamServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.OpenAIEndpoint = new Uri(address.TrimEnd('/') + "/v1/");
        return server;
    }

    /// <summary>Streams started from now on stop after <see cref="HoldAfterChunks"/> chunks until <see cref="Release"/>.</summary>
    public void Hold() => Volatile.Write(ref _hold, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Lets every held stream finish; later streams are not held.</summary>
    public void Release() => Interlocked.Exchange(ref _hold, null)?.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static int IndexAfterEvents(byte[] sse, int events)
    {
        var at = 0;
        for (var i = 0; i < events; i++)
        {
            at += sse.AsSpan(at).IndexOf("\n\n"u8) + 2;
        }

        return at;
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        var body = await reader.ReadToEndAsync(ctx.RequestAborted);
        if (!body.Contains("\"stream\":true", StringComparison.Ordinal))
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.Body.WriteAsync(BenchServer.CompletionJson, ctx.RequestAborted);
            return;
        }

        ctx.Response.ContentType = "text/event-stream";
        var sse = BenchServer.CompletionSse;
        if (Volatile.Read(ref _hold) is not { } hold)
        {
            await ctx.Response.Body.WriteAsync(sse, ctx.RequestAborted);
            return;
        }

        // A held stream's connection closes at its end, so the gateway's pool keeps none of them afterwards.
        ctx.Response.Headers.Connection = "close";
        await ctx.Response.Body.WriteAsync(sse.AsMemory(0, SplitAt), ctx.RequestAborted);
        await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
        await hold.Task.WaitAsync(ctx.RequestAborted);
        await ctx.Response.Body.WriteAsync(sse.AsMemory(SplitAt), ctx.RequestAborted);
    }
}
