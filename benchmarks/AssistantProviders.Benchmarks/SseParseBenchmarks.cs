// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.OpenAI;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Benchmarks;

/// <summary>
/// (f) SSE parse + map of a 500-chunk stream held in memory (no network): our OpenAIChatClient over a static handler.
/// Throughput in MB/s = <see cref="StreamBytes"/> / mean time.
/// </summary>
[MemoryDiagnoser]
public class SseParseBenchmarks
{
    private readonly List<ChatMessage> _messages = [new(ChatRole.User, "hi")];
    private IChatClient _client = null!;

    /// <summary>Gets the size of the stream parsed per operation.</summary>
    public static int StreamBytes => BenchServer.CompletionSse.Length;

    [GlobalSetup]
    public void Setup() =>
        _client = new OpenAIChatClient(
            new OpenAIClientOptions { Endpoint = new Uri("https://bench.invalid/v1/"), ApiKey = "bench-key", DefaultModel = "gpt-4.1-mini" },
            new HttpClient(new StaticResponseHandler(BenchServer.CompletionSse, "text/event-stream")));

    [GlobalCleanup]
    public void Cleanup() => _client.Dispose();

    [Benchmark(Description = "f SSE parse+map, 500 chunks in memory")]
    public async Task<int> ParseAndMap()
    {
        var total = 0;
        await foreach (var update in _client.GetStreamingResponseAsync(_messages))
        {
            total += update.Contents.Count;
        }

        return total;
    }
}
