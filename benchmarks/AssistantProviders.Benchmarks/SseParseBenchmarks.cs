// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.OpenAI;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Benchmarks;

/// <summary>
/// (f) Parse + map held in memory (no network, no socket): our OpenAIChatClient over a handler that returns a fixed body.
/// Streaming: the 500-chunk SSE stream (the one <see cref="BenchServer"/> serves). Non-streaming: the ~1 KB completion.
/// The MB/s column is the body size divided by the mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class SseParseBenchmarks
{
    private readonly List<ChatMessage> _messages = [new(ChatRole.User, "hi")];
    private IChatClient _streamClient = null!;
    private IChatClient _jsonClient = null!;

    /// <summary>Gets the bytes one operation of <paramref name="methodName"/> parses (0 when unknown).</summary>
    /// <param name="methodName">The benchmark method name.</param>
    /// <returns>The body size in bytes.</returns>
    public static int BytesPerOperation(string methodName) => methodName switch
    {
        nameof(ParseAndMapStream) => BenchServer.CompletionSse.Length,
        nameof(ParseAndMapJson) => BenchServer.CompletionJson.Length,
        _ => 0,
    };

    [GlobalSetup]
    public void Setup()
    {
        _streamClient = Create(BenchServer.CompletionSse, "text/event-stream");
        _jsonClient = Create(BenchServer.CompletionJson, "application/json");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _streamClient.Dispose();
        _jsonClient.Dispose();
    }

    [Benchmark(Description = "f SSE parse+map, 500 chunks in memory")]
    [BenchmarkCategory("streaming")]
    public async Task<int> ParseAndMapStream()
    {
        var total = 0;
        await foreach (var update in _streamClient.GetStreamingResponseAsync(_messages))
        {
            total += update.Contents.Count;
        }

        return total;
    }

    [Benchmark(Description = "f JSON parse+map, 1 KB completion in memory")]
    [BenchmarkCategory("non-streaming")]
    public async Task<int> ParseAndMapJson() => (await _jsonClient.GetResponseAsync(_messages)).Text.Length;

    private static OpenAIChatClient Create(byte[] body, string contentType) =>
        new(
            new OpenAIClientOptions { Endpoint = new Uri("https://bench.invalid/v1/"), ApiKey = "bench-key", DefaultModel = "gpt-4.1-mini" },
            new HttpClient(new StaticResponseHandler(body, contentType)));}
