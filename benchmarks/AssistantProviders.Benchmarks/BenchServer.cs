// Licensed under the MIT License. See LICENSE in the project root.
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
/// A loopback Kestrel server for the benchmarks: a ~1 KB OpenAI chat completion, a 500-chunk OpenAI SSE stream, and the
/// Ollama equivalents (JSON and a 500-line NDJSON stream). Bodies are precomputed so the server costs the same for every client.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    public const int StreamChunks = 500;
    private readonly WebApplication _app;

    private BenchServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri OpenAIEndpoint => new(BaseAddress, "v1/");

    public static byte[] CompletionJson { get; } = Encoding.UTF8.GetBytes(BuildCompletion());

    public static byte[] CompletionSse { get; } = Encoding.UTF8.GetBytes(BuildSse());

    public static byte[] OllamaJson { get; } = Encoding.UTF8.GetBytes(
        "{\"model\":\"llama3.2\",\"created_at\":\"2026-11-25T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\"" + Filler(900) + "\"},\"done\":true,\"done_reason\":\"stop\",\"total_duration\":1000,\"prompt_eval_count\":12,\"eval_count\":180}");

    public static byte[] OllamaNdjson { get; } = Encoding.UTF8.GetBytes(BuildNdjson());

    public static async Task<BenchServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", async (HttpContext ctx) =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync();
            var stream = body.Contains("\"stream\":true", StringComparison.Ordinal);
            ctx.Response.ContentType = stream ? "text/event-stream" : "application/json";
            await ctx.Response.Body.WriteAsync(stream ? CompletionSse : CompletionJson);
        });
        app.MapPost("/api/chat", async (HttpContext ctx) =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync();
            var stream = !body.Contains("\"stream\":false", StringComparison.Ordinal);
            ctx.Response.ContentType = stream ? "application/x-ndjson" : "application/json";
            await ctx.Response.Body.WriteAsync(stream ? OllamaNdjson : OllamaJson);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string Filler(int length) => new string('x', length);

    private static string BuildCompletion() =>
        "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1764000000,\"model\":\"gpt-4.1-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" +
        Filler(800) + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":180,\"total_tokens\":192}}";

    private static string BuildSse()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < StreamChunks; i++)
        {
            sb.Append("data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,\"model\":\"gpt-4.1-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tok")
              .Append(i).Append(" \"},\"finish_reason\":null}]}\n\n");
        }

        sb.Append("data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,\"model\":\"gpt-4.1-mini\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        sb.Append("data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,\"model\":\"gpt-4.1-mini\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":500,\"total_tokens\":512}}\n\n");
        sb.Append("data: [DONE]\n\n");
        return sb.ToString();
    }

    private static string BuildNdjson()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < StreamChunks; i++)
        {
            sb.Append("{\"model\":\"llama3.2\",\"created_at\":\"2026-11-25T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\"tok").Append(i).Append(" \"},\"done\":false}\n");
        }

        sb.Append("{\"model\":\"llama3.2\",\"created_at\":\"2026-11-25T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":12,\"eval_count\":500}\n");
        return sb.ToString();
    }
}
