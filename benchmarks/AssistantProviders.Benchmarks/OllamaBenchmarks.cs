// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Ollama;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.AI;
using OllamaSharp;

namespace AssistantProviders.Benchmarks;

/// <summary>(e) our OllamaChatClient vs OllamaSharp's OllamaApiClient as IChatClient, JSON and 500-line NDJSON stream.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class OllamaBenchmarks
{
    private readonly List<ChatMessage> _messages = [new(ChatRole.User, "hi")];
    private BenchServer _server = null!;
    private IChatClient _ours = null!;
    private IChatClient _ollamaSharp = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await BenchServer.StartAsync();
        _ours = new OllamaChatClient(new OllamaClientOptions { Endpoint = _server.BaseAddress, DefaultModel = "llama3.2" }, new HttpClient());
        _ollamaSharp = new OllamaApiClient(new HttpClient { BaseAddress = _server.BaseAddress }, "llama3.2");

        // Both clients must read the same answer before anything is measured.
        Check.Same("ours", await OllamaSharpChat(), await OursChat());
        Check.Same("ours stream", await OllamaSharpStreaming(), await OursStreaming());
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _ours.Dispose();
        _ollamaSharp.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "OllamaSharp")]
    [BenchmarkCategory("non-streaming")]
    public async Task<int> OllamaSharpChat() => (await _ollamaSharp.GetResponseAsync(_messages)).Text.Length;

    [Benchmark(Description = "ours OllamaChatClient")]
    [BenchmarkCategory("non-streaming")]
    public async Task<int> OursChat() => (await _ours.GetResponseAsync(_messages)).Text.Length;

    [Benchmark(Baseline = true, Description = "OllamaSharp, stream")]
    [BenchmarkCategory("streaming")]
    public async Task<int> OllamaSharpStreaming() => await Count(_ollamaSharp);

    [Benchmark(Description = "ours OllamaChatClient, stream")]
    [BenchmarkCategory("streaming")]
    public async Task<int> OursStreaming() => await Count(_ours);

    private async Task<int> Count(IChatClient client)
    {
        var total = 0;
        await foreach (var update in client.GetStreamingResponseAsync(_messages))
        {
            total += update.Text.Length;
        }

        return total;
    }
}
