// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.OpenAI;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Benchmarks;

/// <summary>
/// The router as users configure it: <c>AddAssistantProviders(configuration).AddOpenAI().AddOllama()</c> with defaults (the
/// configuration holds only the two endpoints, the key and one alias; no rate-limit tuning), against our OpenAI client called
/// directly, on the same loopback server. Four model-id shapes: empty, bare (<c>gpt-4.1-mini</c>), pinned
/// (<c>openai/gpt-4.1-mini</c>) and an alias (<c>fast</c>). The default rate limits apply; a request they refuse would fail
/// the run (the setup checks every case once).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RouterDefaultsBenchmarks
{
    private readonly List<ChatMessage> _messages = [new(ChatRole.User, "hi")];
    private readonly ChatOptions _empty = new();
    private readonly ChatOptions _bare = new() { ModelId = "gpt-4.1-mini" };
    private readonly ChatOptions _pinned = new() { ModelId = "openai/gpt-4.1-mini" };
    private readonly ChatOptions _alias = new() { ModelId = "fast" };
    private BenchServer _server = null!;
    private IChatClient _direct = null!;
    private IChatClient _router = null!;
    private ServiceProvider _services = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await BenchServer.StartAsync();
        _direct = new OpenAIChatClient(new OpenAIClientOptions { Endpoint = _server.OpenAIEndpoint, ApiKey = "bench-key", DefaultModel = "gpt-4.1-mini" }, new HttpClient());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AssistantProviders:Providers:OpenAI:Endpoint"] = _server.OpenAIEndpoint.ToString(),
            ["AssistantProviders:Providers:OpenAI:ApiKey"] = "bench-key",
            ["AssistantProviders:Providers:OpenAI:DefaultModel"] = "gpt-4.1-mini",
            ["AssistantProviders:Providers:Ollama:Endpoint"] = _server.BaseAddress.ToString(),
            ["AssistantProviders:Routing:Aliases:fast:0"] = "openai/gpt-4.1-mini",
        }).Build();
        var services = new ServiceCollection();
        services.AddAssistantProviders(configuration).AddOpenAI().AddOllama();
        _services = services.BuildServiceProvider();
        _router = _services.GetRequiredService<IChatClient>();

        var expected = await Direct();
        Check.Same("empty", expected, await RouterEmpty());
        Check.Same("bare", expected, await RouterBare());
        Check.Same("pinned", expected, await RouterPinned());
        Check.Same("alias", expected, await RouterAlias());
        Check.Same("stream", await DirectStreaming(), await RouterBareStreaming());
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _direct.Dispose();
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "direct OpenAIChatClient")]
    [BenchmarkCategory("non-streaming")]
    public async Task<int> Direct() => (await _direct.GetResponseAsync(_messages, _bare)).Text.Length;

    [Benchmark(Description = "router, defaults, model empty")]
    [BenchmarkCategory("non-streaming")]
    public async Task<int> RouterEmpty() => (await _router.GetResponseAsync(_messages, _empty)).Text.Length;

    [Benchmark(Description = "router, defaults, bare id")]
    [BenchmarkCategory("non-streaming")]
    public async Task<int> RouterBare() => (await _router.GetResponseAsync(_messages, _bare)).Text.Length;

    [Benchmark(Description = "router, defaults, provider/model")]
    [BenchmarkCategory("non-streaming")]
    public async Task<int> RouterPinned() => (await _router.GetResponseAsync(_messages, _pinned)).Text.Length;

    [Benchmark(Description = "router, defaults, alias")]
    [BenchmarkCategory("non-streaming")]
    public async Task<int> RouterAlias() => (await _router.GetResponseAsync(_messages, _alias)).Text.Length;

    [Benchmark(Baseline = true, Description = "direct OpenAIChatClient, stream")]
    [BenchmarkCategory("streaming")]
    public async Task<int> DirectStreaming() => await Count(_direct);

    [Benchmark(Description = "router, defaults, bare id, stream")]
    [BenchmarkCategory("streaming")]
    public async Task<int> RouterBareStreaming() => await Count(_router);

    private async Task<int> Count(IChatClient client)
    {
        var total = 0;
        await foreach (var update in client.GetStreamingResponseAsync(_messages, _bare))
        {
            total += update.Text.Length;
        }

        return total;
    }
}
