// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssistantProviders.Mlx.Tests;

/// <summary>
/// MLX has no recorded fixtures in ../shared; payloads follow mlx_lm.server's documented OpenAI shapes
/// (it sends a usage chunk when <c>stream_options.include_usage</c> is set, then <c>data: [DONE]</c>).
/// </summary>
public sealed class MlxChatClientTests
{
    private static MlxChatClient Client(VerbatimHttpHandler handler) => new(new MlxClientOptions(), new HttpClient(handler));

    [Fact]
    public async Task Chat_DefaultEndpointAndModel_NoAuth()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedPath = "/v1/chat/completions",
            ExpectedRequestJson = """{"model":"default_model","messages":[{"role":"user","content":"Say this is a test!"}],"temperature":0.7}""",
        }.Respond("""{"id":"chatcmpl-1","system_fingerprint":"0.26.0","object":"chat.completion","model":"default_model","created":1,"choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"This is a test!"}}],"usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17}}""");
        using var client = Client(handler);
        var response = await client.GetResponseAsync("Say this is a test!", new ChatOptions { Temperature = 0.7f });
        response.Text.ShouldBe("This is a test!");
        response.Usage!.TotalTokenCount.ShouldBe(17);
        handler.Requests.Single().Uri.ToString().ShouldBe("http://127.0.0.1:8080/v1/chat/completions");
        handler.Requests.Single().Headers.ContainsKey("Authorization").ShouldBeFalse();
    }

    [Fact]
    public async Task Stream_AsksForUsage_ReportsItOnce_AndIsIncompleteOnlyWhenCutBeforeTheEnd()
    {
        var sse = new SseBuilder()
            .Event("""{"id":"c","object":"chat.completion.chunk","model":"default_model","created":1,"choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"},"finish_reason":null}]}""")
            .Event("""{"id":"c","object":"chat.completion.chunk","model":"default_model","created":1,"choices":[{"index":0,"delta":{"role":"assistant","content":"lo"},"finish_reason":"stop"}]}""")
            .Event("""{"id":"c","object":"chat.completion","model":"default_model","created":1,"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}""");
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """{"model":"default_model","messages":[{"role":"user","content":"hi"}],"stream":true,"stream_options":{"include_usage":true}}""",
        }.RespondSse(sse.ToString() + "data: [DONE]\n\n");
        using var client = Client(handler);
        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in client.GetStreamingResponseAsync("hi"))
        {
            updates.Add(u);
        }

        string.Concat(updates.Select(u => u.Text)).ShouldBe("Hello");
        updates.SelectMany(u => u.Contents).OfType<UsageContent>().ShouldHaveSingleItem().Details.TotalTokenCount.ShouldBe(5);

        // Without "data: [DONE]" the stream is still whole once the finish_reason and the asked-for usage arrived.
        using var noDone = Client(new VerbatimHttpHandler().RespondSse(sse.ToString()));
        var noDoneUpdates = new List<ChatResponseUpdate>();
        await foreach (var u in noDone.GetStreamingResponseAsync("hi"))
        {
            noDoneUpdates.Add(u);
        }

        noDoneUpdates.SelectMany(u => u.Contents).OfType<UsageContent>().ShouldHaveSingleItem().Details.TotalTokenCount.ShouldBe(5);

        // Cut before the finish_reason, or after it but before the usage it asked for: incomplete, never success.
        foreach (var truncated in new[] { new SseBuilder().Event("""{"id":"c","object":"chat.completion.chunk","model":"default_model","created":1,"choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"},"finish_reason":null}]}"""), new SseBuilder().Event("""{"id":"c","object":"chat.completion.chunk","model":"default_model","created":1,"choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"},"finish_reason":null}]}""").Event("""{"id":"c","object":"chat.completion.chunk","model":"default_model","created":1,"choices":[{"index":0,"delta":{"role":"assistant","content":"lo"},"finish_reason":"stop"}]}""") })
        {
            using var cut = Client(new VerbatimHttpHandler().RespondSse(truncated.ToString()));
            await Should.ThrowAsync<IncompleteStreamException>(async () =>
            {
                await foreach (var u in cut.GetStreamingResponseAsync("hi"))
                {
                }
            });
        }
    }

    [Fact]
    public async Task ServerError_IsTyped()
    {
        using var client = Client(new VerbatimHttpHandler().Respond("""{"error":"Model not found"}""", System.Net.HttpStatusCode.NotFound));
        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetResponseAsync("hi"));
        ex.ProviderId.ShouldBe("mlx");
        ex.Kind.ShouldBe(ProviderErrorKind.NotFound);
    }

    [Fact]
    public async Task ListModels()
    {
        var handler = new VerbatimHttpHandler { ExpectedPath = "/v1/models" }
            .Respond("""{"object":"list","data":[{"id":"mlx-community/Llama-3.2-3B-Instruct-4bit","object":"model","created":1730000000}]}""");
        using var client = Client(handler);
        var model = (await client.ListModelsAsync()).ShouldHaveSingleItem();
        model.QualifiedId.ShouldBe("mlx/mlx-community/Llama-3.2-3B-Instruct-4bit");
        model.Locality.ShouldBe(ProviderLocality.Local);
    }

    [Fact]
    public void DI_KeyedChat_EnvBaseUrl_NoKey()
    {
        var builder = new TestProvidersBuilder(environment: new() { ["MLX_BASE_URL"] = "http://10.0.0.9:8080/v1/" });
        builder.AddMlx();
        using var sp = builder.Build();
        var chat = sp.GetRequiredKeyedService<IChatClient>("mlx").ShouldBeOfType<MlxChatClient>();
        chat.GetService<ChatClientMetadata>()!.ProviderName.ShouldBe("mlx");
        chat.GetService<ChatClientMetadata>()!.ProviderUri.ShouldBe(new Uri("http://10.0.0.9:8080/v1/"));
        sp.GetRequiredKeyedService<IModelDiscovery>("mlx").ShouldBeSameAs(chat);
        var descriptor = sp.GetServices<ProviderRegistration>().ShouldHaveSingleItem().Descriptor;
        descriptor.RequiresApiKey.ShouldBeFalse();
        descriptor.ComplianceTags.ShouldBe(["local"]);
        sp.GetRequiredService<IOptionsMonitor<MlxClientOptions>>().Get("mlx").Endpoint.ShouldBe(new Uri("http://10.0.0.9:8080/v1/"));
    }
}
