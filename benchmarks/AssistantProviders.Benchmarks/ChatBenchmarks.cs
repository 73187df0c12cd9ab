// Licensed under the MIT License. See LICENSE in the project root.
using System.ClientModel;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using AssistantProviders.OpenAI;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using AssistantProviders.Routing;

namespace AssistantProviders.Benchmarks;

/// <summary>
/// (a) raw HttpClient + STJ, (b) our OpenAIChatClient, (c) MEAI's OpenAI adapter over the official SDK, (d) our ChatRouter with
/// three routes, breaker, rate limiter and ledger — non-streaming (~1 KB completion) and streaming (500 chunks), same loopback server.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ChatBenchmarks
{
    private static readonly byte[] RequestBody = Encoding.UTF8.GetBytes("{\"model\":\"gpt-4.1-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    private static readonly byte[] StreamRequestBody = Encoding.UTF8.GetBytes("{\"model\":\"gpt-4.1-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true}");
    private readonly List<ChatMessage> _messages = [new(ChatRole.User, "hi")];
    private BenchServer _server = null!;
    private HttpClient _http = null!;
    private IChatClient _ours = null!;
    private IChatClient _meai = null!;
    private IChatClient _router = null!;
    private ServiceProvider _services = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await BenchServer.StartAsync();
        _http = new HttpClient();
        _ours = new OpenAIChatClient(new OpenAIClientOptions { Endpoint = _server.OpenAIEndpoint, ApiKey = "bench-key", DefaultModel = "gpt-4.1-mini" }, new HttpClient());
        _meai = new global::OpenAI.Chat.ChatClient("gpt-4.1-mini", new ApiKeyCredential("bench-key"), new global::OpenAI.OpenAIClientOptions { Endpoint = _server.OpenAIEndpoint }).AsIChatClient();

        var services = new ServiceCollection();
        services.AddAssistantProviders()
            .AddOpenAI(o => { o.Endpoint = _server.OpenAIEndpoint; o.ApiKey = "bench-key"; o.DefaultModel = "gpt-4.1-mini"; o.RequestsPerMinute = 100_000_000; })
            .AddGroq(o => { o.Endpoint = _server.OpenAIEndpoint; o.ApiKey = "bench-key"; o.DefaultModel = "llama-3.1-8b-instant"; o.RequestsPerMinute = 100_000_000; })
            .AddLMStudio(o => { o.Endpoint = _server.OpenAIEndpoint; o.DefaultModel = "local-model"; })
            .AddRouting();
        _services = services.BuildServiceProvider();
        _router = _services.GetRequiredService<IChatClient>();

        // Every case must read the same answer, or the comparison is meaningless: check once before measuring.
        var expected = await Raw();
        var expectedStream = await RawStreaming();
        Check.Same("b", expected, await Ours());
        Check.Same("c", expected, await Meai());
        Check.Same("d", expected, await Router());
        Check.Same("b stream", expectedStream, await OursStreaming());
        Check.Same("c stream", expectedStream, await MeaiStreaming());
        Check.Same("d stream", expectedStream, await RouterStreaming());
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _http.Dispose();
        _ours.Dispose();
        _meai.Dispose();
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "a raw HttpClient+STJ")]
    [BenchmarkCategory("non-streaming")]
    public async Task<int> Raw()
    {
        using var content = new ByteArrayContent(RequestBody);
        content.Headers.ContentType = new("application/json");
        using var response = await _http.PostAsync(new Uri(_server.OpenAIEndpoint, "chat/completions"), content);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var doc = await JsonDocument.ParseAsync(stream);
        return doc.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!.Length;
    }

    [Benchmark(Description = "b ours OpenAIChatClient")]
    [BenchmarkCategory("non-streaming")]
    public async Task<int> Ours() => (await _ours.GetResponseAsync(_messages)).Text.Length;

    [Benchmark(Description = "c MEAI.OpenAI adapter")]
    [BenchmarkCategory("non-streaming")]
    public async Task<int> Meai() => (await _meai.GetResponseAsync(_messages)).Text.Length;

    [Benchmark(Description = "d ours ChatRouter (3 routes)")]
    [BenchmarkCategory("non-streaming")]
    public async Task<int> Router() => (await _router.GetResponseAsync(_messages)).Text.Length;

    [Benchmark(Baseline = true, Description = "a raw HttpClient+SseParser+STJ, stream")]
    [BenchmarkCategory("streaming")]
    public async Task<int> RawStreaming()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.OpenAIEndpoint, "chat/completions")) { Content = new ByteArrayContent(StreamRequestBody) };
        request.Content.Headers.ContentType = new("application/json");
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var total = 0;
        await foreach (var item in SseParser.Create(stream).EnumerateAsync())
        {
            if (item.Data == "[DONE]")
            {
                break;
            }

            using var doc = JsonDocument.Parse(item.Data);
            var choices = doc.RootElement.GetProperty("choices");
            if (choices.GetArrayLength() > 0 && choices[0].GetProperty("delta").TryGetProperty("content", out var c))
            {
                total += c.GetString()!.Length;
            }
        }

        return total;
    }

    [Benchmark(Description = "b ours OpenAIChatClient, stream")]
    [BenchmarkCategory("streaming")]
    public async Task<int> OursStreaming() => await Count(_ours);

    [Benchmark(Description = "c MEAI.OpenAI adapter, stream")]
    [BenchmarkCategory("streaming")]
    public async Task<int> MeaiStreaming() => await Count(_meai);

    [Benchmark(Description = "d ours ChatRouter, stream")]
    [BenchmarkCategory("streaming")]
    public async Task<int> RouterStreaming() => await Count(_router);

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
