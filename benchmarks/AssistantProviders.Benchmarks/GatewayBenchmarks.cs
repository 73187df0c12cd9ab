// Licensed under the MIT License. See LICENSE in the project root.
using System.ClientModel;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Benchmarks;

/// <summary>
/// Gateway overhead: (a) the chat router called in-process vs (b) the same router behind the gateway (the same app's
/// services) called with HttpClient + STJ, and (c) with the OpenAI .NET SDK — non-streaming (~1 KB completion) and streaming
/// (500 chunks), all over the BenchServer loopback upstream. (x) is context, not a gateway case: the same HttpClient client code
/// straight on the upstream, i.e. what the extra client hop alone costs, so the gateway's server side is about b − a − x. The gateway runs with the defaults a user gets
/// (<see cref="GatewayBenchHost"/>). Client, gateway and upstream share this process and its 2 cores, so the allocation column
/// is the whole process's: (b) − (a) is the gateway plus the extra client hop.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GatewayBenchmarks
{
    private static readonly byte[] RequestBody = Encoding.UTF8.GetBytes("{\"model\":\"" + GatewayBenchHost.Model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    private static readonly byte[] StreamRequestBody = Encoding.UTF8.GetBytes("{\"model\":\"" + GatewayBenchHost.Model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true}");
    private readonly List<ChatMessage> _messages = [new(ChatRole.User, "hi")];
    private readonly ChatOptions _options = new() { ModelId = GatewayBenchHost.Model };
    private readonly List<global::OpenAI.Chat.ChatMessage> _sdkMessages = [new global::OpenAI.Chat.UserChatMessage("hi")];
    private BenchServer _upstream = null!;
    private GatewayBenchHost _gateway = null!;
    private IChatClient _router = null!;
    private HttpClient _http = null!;
    private HttpClient _direct = null!;
    private global::OpenAI.Chat.ChatClient _sdk = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _upstream = await BenchServer.StartAsync();
        _gateway = await GatewayBenchHost.StartAsync(_upstream.OpenAIEndpoint);
        _router = _gateway.Router;
        _http = _gateway.CreateClient();
        _direct = new HttpClient { BaseAddress = _upstream.OpenAIEndpoint };
        _sdk = new global::OpenAI.Chat.ChatClient(GatewayBenchHost.Model, new ApiKeyCredential(GatewayBenchHost.Key), new global::OpenAI.OpenAIClientOptions { Endpoint = _gateway.OpenAIEndpoint });

        // Every case must read the same answer, or the comparison is meaningless: check once before measuring.
        var expected = await Router();
        var expectedStream = await RouterStreaming();
        Check.Same("b", expected, await GatewayHttp());
        Check.Same("c", expected, await GatewaySdk());
        Check.Same("x", expected, await DirectHttp());
        Check.Same("b stream", expectedStream, await GatewayHttpStreaming());
        Check.Same("c stream", expectedStream, await GatewaySdkStreaming());
        Check.Same("x stream", expectedStream, await DirectHttpStreaming());
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _http.Dispose();
        _direct.Dispose();
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "a router in-process")]
    [BenchmarkCategory("non-streaming")]
    public async Task<int> Router() => (await _router.GetResponseAsync(_messages, _options)).Text.Length;

    [Benchmark(Description = "b gateway, HttpClient+STJ")]
    [BenchmarkCategory("non-streaming")]
    public Task<int> GatewayHttp() => PostAsync(_http);

    [Benchmark(Description = "c gateway, OpenAI SDK")]
    [BenchmarkCategory("non-streaming")]
    public async Task<int> GatewaySdk()
    {
        var completion = (await _sdk.CompleteChatAsync(_sdkMessages)).Value;
        return completion.Content[0].Text.Length;
    }

    [Benchmark(Baseline = true, Description = "a router in-process, stream")]
    [BenchmarkCategory("streaming")]
    public async Task<int> RouterStreaming()
    {
        var total = 0;
        await foreach (var update in _router.GetStreamingResponseAsync(_messages, _options))
        {
            total += update.Text.Length;
        }

        return total;
    }

    [Benchmark(Description = "b gateway, HttpClient+SseParser+STJ, stream")]
    [BenchmarkCategory("streaming")]
    public Task<int> GatewayHttpStreaming() => PostStreamingAsync(_http);

    [Benchmark(Description = "c gateway, OpenAI SDK, stream")]
    [BenchmarkCategory("streaming")]
    public async Task<int> GatewaySdkStreaming()
    {
        var total = 0;
        await foreach (var update in _sdk.CompleteChatStreamingAsync(_sdkMessages))
        {
            foreach (var part in update.ContentUpdate)
            {
                total += part.Text.Length;
            }
        }

        return total;
    }

    [Benchmark(Description = "x context: HttpClient straight on the upstream")]
    [BenchmarkCategory("non-streaming")]
    public Task<int> DirectHttp() => PostAsync(_direct);

    [Benchmark(Description = "x context: HttpClient straight on the upstream, stream")]
    [BenchmarkCategory("streaming")]
    public Task<int> DirectHttpStreaming() => PostStreamingAsync(_direct);

    private static async Task<int> PostAsync(HttpClient http)
    {
        using var content = new ByteArrayContent(RequestBody);
        content.Headers.ContentType = new("application/json");
        using var response = await http.PostAsync("chat/completions", content);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var doc = await JsonDocument.ParseAsync(stream);
        return doc.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!.Length;
    }

    private static async Task<int> PostStreamingAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "chat/completions") { Content = new ByteArrayContent(StreamRequestBody) };
        request.Content.Headers.ContentType = new("application/json");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        var total = 0;
        await foreach (var item in SseParser.Create(stream).EnumerateAsync())
        {
            if (item.Data == "[DONE]")
            {
                return total;
            }

            using var doc = JsonDocument.Parse(item.Data);
            var choices = doc.RootElement.GetProperty("choices");
            if (choices.GetArrayLength() > 0 && choices[0].GetProperty("delta").TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String)
            {
                total += c.GetString()!.Length;
            }
        }

        return -1;
    }
}
