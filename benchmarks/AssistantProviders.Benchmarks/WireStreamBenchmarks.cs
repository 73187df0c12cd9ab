// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Anthropic;
using AssistantProviders.Cohere;
using AssistantProviders.Emulator;
using AssistantProviders.Gemini;
using AssistantProviders.Ollama;
using AssistantProviders.OpenAI;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Benchmarks;

/// <summary>
/// Stream parse + map per wire, held in memory: each client streams a 500-word answer once from the loopback emulator (which
/// speaks the vendor's wire: OpenAI SSE, Anthropic and Cohere SSE with named events, Gemini SSE, Ollama NDJSON), the body is
/// recorded, and then each operation replays that body through the client over a handler that returns it. The MB/s column is
/// the body size divided by the mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class WireStreamBenchmarks
{
    private const int Words = 500;
    private static readonly Dictionary<string, int> Sizes = [];
    private readonly List<ChatMessage> _messages = [new(ChatRole.User, "hi")];
    private readonly Dictionary<string, IChatClient> _replay = [];
    private string _answer = string.Empty;

    /// <summary>Gets the recorded body size of <paramref name="methodName"/>'s wire (0 before the setup ran).</summary>
    /// <param name="methodName">The benchmark method name.</param>
    /// <returns>The body size in bytes.</returns>
    public static int BytesPerOperation(string methodName) => Sizes.GetValueOrDefault(methodName);

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _answer = string.Join(' ', Enumerable.Range(0, Words).Select(i => "word" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { DefaultAnswer = _answer });
        await RecordAsync(nameof(OpenAI), h => new OpenAIChatClient(new OpenAIClientOptions { Endpoint = emulator.OpenAIEndpoint, ApiKey = "bench-key", DefaultModel = "gpt-4.1-mini" }, new HttpClient(h)));
        await RecordAsync(nameof(Anthropic), h => new AnthropicChatClient(new AnthropicClientOptions { Endpoint = emulator.AnthropicEndpoint, ApiKey = "bench-key", DefaultModel = "claude-sonnet-4-5" }, new HttpClient(h)));
        await RecordAsync(nameof(Gemini), h => new GeminiChatClient(new GeminiClientOptions { Endpoint = emulator.GeminiEndpoint, ApiKey = "bench-key", DefaultModel = "gemini-2.5-flash" }, new HttpClient(h)));
        await RecordAsync(nameof(Cohere), h => new CohereChatClient(new CohereClientOptions { Endpoint = emulator.CohereEndpoint, ApiKey = "bench-key", DefaultModel = "command-a-03-2025" }, new HttpClient(h)));
        await RecordAsync(nameof(Ollama), h => new OllamaChatClient(new OllamaClientOptions { Endpoint = emulator.OllamaEndpoint, DefaultModel = "llama3.2" }, new HttpClient(h)));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var client in _replay.Values)
        {
            client.Dispose();
        }
    }

    [Benchmark(Description = "OpenAI SSE, 500 words")]
    public Task<int> OpenAI() => CountAsync(nameof(OpenAI));

    [Benchmark(Description = "Anthropic SSE, 500 words")]
    public Task<int> Anthropic() => CountAsync(nameof(Anthropic));

    [Benchmark(Description = "Gemini SSE, 500 words")]
    public Task<int> Gemini() => CountAsync(nameof(Gemini));

    [Benchmark(Description = "Cohere SSE, 500 words")]
    public Task<int> Cohere() => CountAsync(nameof(Cohere));

    [Benchmark(Description = "Ollama NDJSON, 500 words")]
    public Task<int> Ollama() => CountAsync(nameof(Ollama));

    private async Task RecordAsync(string wire, Func<HttpMessageHandler, IChatClient> create)
    {
        var recorder = new RecordingHandler();
        using (var live = create(recorder))
        {
            var text = string.Concat(await ReadAsync(live));
            if (!string.Equals(text.Trim(), _answer, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{wire}: the emulator's stream did not read back as the answer ({text.Length} characters).");
            }
        }

        Sizes[wire] = recorder.LastBody.Length;
        var replay = create(new StaticResponseHandler(recorder.LastBody, recorder.LastContentType));
        var replayed = string.Concat(await ReadAsync(replay));
        if (!string.Equals(replayed.Trim(), _answer, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{wire}: the replayed body did not read back as the answer.");
        }

        _replay[wire] = replay;
    }

    private async Task<List<string>> ReadAsync(IChatClient client)
    {
        var parts = new List<string>();
        await foreach (var update in client.GetStreamingResponseAsync(_messages))
        {
            parts.Add(update.Text);
        }

        return parts;
    }

    private async Task<int> CountAsync(string wire)
    {
        var total = 0;
        await foreach (var update in _replay[wire].GetStreamingResponseAsync(_messages))
        {
            total += update.Contents.Count;
        }

        return total;
    }
}
