// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Net.Sockets;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssistantProviders.LMStudio.Tests;

public sealed class LMStudioTests
{
    [Fact]
    public async Task Chat_NoKey_DefaultEndpointAndModel_MapsV0Completion()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedPath = "/v1/chat/completions",
            ExpectedRequestJson = """{"model":"local-model","messages":[{"role":"user","content":"Introduce yourself."}],"max_tokens":50}""",
        }.Respond(RepoPaths.ReadFixture("lmstudio", "api-v0-chat-completions.json"));
        using var client = new LMStudioChatClient(new LMStudioClientOptions(), new HttpClient(handler));

        var response = await client.GetResponseAsync("Introduce yourself.", new ChatOptions { MaxOutputTokens = 50 });

        response.Text.ShouldStartWith("Greetings, I'm a helpful AI");
        response.ModelId.ShouldBe("granite-3.0-2b-instruct");
        response.Usage!.TotalTokenCount.ShouldBe(77);
        handler.Requests.Single().Uri.ToString().ShouldBe("http://127.0.0.1:1234/v1/chat/completions");
        handler.Requests.Single().Headers.ContainsKey("Authorization").ShouldBeFalse();
    }

    [Fact]
    public async Task Stream_ReportsUsageOnce_AndIsIncompleteOnlyWhenCutBeforeTheEnd()
    {
        var sse = new SseBuilder()
            .Event("""{"id":"c","model":"qwen","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"},"finish_reason":null}]}""")
            .Event("""{"id":"c","model":"qwen","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}""")
            .Event("""{"id":"c","model":"qwen","choices":[],"usage":{"prompt_tokens":4,"completion_tokens":1,"total_tokens":5}}""");
        using var ok = new LMStudioChatClient(new LMStudioClientOptions(), new HttpClient(new VerbatimHttpHandler().RespondSse(sse.ToString() + "data: [DONE]\n\n")));
        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in ok.GetStreamingResponseAsync("hi"))
        {
            updates.Add(u);
        }

        updates.SelectMany(u => u.Contents).OfType<UsageContent>().ShouldHaveSingleItem().Details.TotalTokenCount.ShouldBe(5);

        // Without "data: [DONE]" the stream is still whole once the finish_reason and the asked-for usage arrived.
        using var noDone = new LMStudioChatClient(new LMStudioClientOptions(), new HttpClient(new VerbatimHttpHandler().RespondSse(sse.ToString())));
        var noDoneUpdates = new List<ChatResponseUpdate>();
        await foreach (var u in noDone.GetStreamingResponseAsync("hi"))
        {
            noDoneUpdates.Add(u);
        }

        noDoneUpdates.SelectMany(u => u.Contents).OfType<UsageContent>().ShouldHaveSingleItem().Details.TotalTokenCount.ShouldBe(5);

        // Cut before the finish_reason, or after it but before the usage it asked for: incomplete, never success.
        foreach (var truncated in new[] { new SseBuilder().Event("""{"id":"c","model":"qwen","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"},"finish_reason":null}]}"""), new SseBuilder().Event("""{"id":"c","model":"qwen","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"},"finish_reason":null}]}""").Event("""{"id":"c","model":"qwen","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}""") })
        {
            using var cut = new LMStudioChatClient(new LMStudioClientOptions(), new HttpClient(new VerbatimHttpHandler().RespondSse(truncated.ToString())));
            await Should.ThrowAsync<IncompleteStreamException>(async () =>
            {
                await foreach (var u in cut.GetStreamingResponseAsync("hi"))
                {
                }
            });
        }
    }

    [Fact]
    public async Task Embeddings_DefaultModel()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedPath = "/v1/embeddings",
            ExpectedRequestJson = """{"model":"text-embedding-nomic-embed-text-v1.5","input":["a"],"encoding_format":"float"}""",
        }.Respond("""{"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.1,0.2]}],"model":"text-embedding-nomic-embed-text-v1.5","usage":{"prompt_tokens":1,"total_tokens":1}}""");
        using var generator = new LMStudioEmbeddingGenerator(new LMStudioClientOptions(), new HttpClient(handler));
        var result = await generator.GenerateAsync(["a"]);
        result.Single().Vector.ToArray().ShouldBe([0.1f, 0.2f]);
        generator.GetService<EmbeddingGeneratorMetadata>()!.ProviderName.ShouldBe("lmstudio");
    }

    [Fact]
    public async Task ListModels_V0Fixture_MapsTypeContextPublisherAndState()
    {
        var handler = new VerbatimHttpHandler { ExpectedPath = "/api/v0/models" }.Respond(RepoPaths.ReadFixture("lmstudio", "api-v0-models.json"));
        using var client = new LMStudioChatClient(new LMStudioClientOptions(), new HttpClient(handler));
        var models = await client.ListModelsAsync();

        models.Select(m => m.ModelId).ShouldBe(["qwen2-vl-7b-instruct", "meta-llama-3.1-8b-instruct", "text-embedding-nomic-embed-text-v1.5"]);
        models[0].Capabilities.ShouldBe(ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Vision);
        models[0].ContextWindow.ShouldBe(32768);
        models[0].OwnedBy.ShouldBe("mlx-community");
        models[1].Capabilities.ShouldBe(ModelCapabilities.Chat | ModelCapabilities.Streaming);
        models[1].ContextWindow.ShouldBe(131072);
        models[2].Capabilities.ShouldBe(ModelCapabilities.Embeddings);
        models.ShouldAllBe(m => m.Locality == ProviderLocality.Local && m.ComplianceTags.Contains("local") && !m.Tasks.Contains("loaded"));
        handler.Requests.Single().Uri.ToString().ShouldBe("http://127.0.0.1:1234/api/v0/models");
    }

    [Fact]
    public void ModelMapper_V1Fixture_MapsKeyCapabilitiesAndLoadedInstances()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(RepoPaths.ReadFixture("lmstudio", "api-v1-models.json"));
        var models = Internal.LMStudioModelMapper.Parse(doc.RootElement, Internal.LMStudioProvider.Create());
        models.Select(m => m.ModelId).ShouldBe(["google/gemma-4-26b-a4b", "deepseek-r1", "text-embedding-nomic-embed-text-v1.5-embedding"]);
        models[0].DisplayName.ShouldBe("Gemma 4 26B A4B");
        models[0].Capabilities.ShouldBe(ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Vision | ModelCapabilities.Tools);
        models[0].ContextWindow.ShouldBe(262144);
        models[0].Tasks.ShouldContain("loaded");
        models[1].Capabilities.ShouldBe(ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Tools);
        models[1].Tasks.ShouldNotContain("loaded");
        models[2].Capabilities.ShouldBe(ModelCapabilities.Embeddings);
    }

    [Fact]
    public async Task ListModels_FallsBackToV1Models_WhenNativeApiIsAbsent()
    {
        var handler = new VerbatimHttpHandler()
            .Respond("""{"error":"Unexpected endpoint or method. (GET /api/v0/models)"}""", HttpStatusCode.NotFound)
            .Respond("""{"object":"list","data":[{"id":"qwen3-8b","object":"model","owned_by":"organization_owner"}]}""");
        using var client = new LMStudioChatClient(new LMStudioClientOptions(), new HttpClient(handler));
        (await client.ListModelsAsync()).ShouldHaveSingleItem().ModelId.ShouldBe("qwen3-8b");
        handler.Requests[1].Uri.ToString().ShouldBe("http://127.0.0.1:1234/v1/models");
    }

    [Fact]
    public async Task Probe_FindsALoopbackServer_AndSkipsAClosedPort()
    {
        var open = FreePort();
        var closed = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{open}/");
        listener.Start();
        var serve = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            context.Request.Url!.AbsolutePath.ShouldBe("/v1/models");
            var bytes = """{"object":"list","data":[]}"""u8.ToArray();
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        });

        var found = await LMStudioDiscovery.ProbeAsync(null, [closed, open], TestContext.Current.CancellationToken);

        found.ShouldBe([new Uri($"http://127.0.0.1:{open}/v1/")]);
        await serve;
    }

    [Fact]
    public void DefaultPorts_AreTheDocumentedOnes() => LMStudioDiscovery.DefaultPorts.ShouldBe([1234, 5901, 8080]);

    [Fact]
    public void DI_NoKeyNeeded_LanHttpAllowed_MetadataHostRejected()
    {
        var builder = new TestProvidersBuilder(environment: new() { ["LMSTUDIO_BASE_URL"] = "http://192.168.1.50:1234/v1/" });
        builder.AddLMStudio();
        using var sp = builder.Build();
        var chat = sp.GetRequiredKeyedService<IChatClient>("lmstudio").ShouldBeOfType<LMStudioChatClient>();
        var meta = chat.GetService<ChatClientMetadata>()!;
        meta.ProviderName.ShouldBe("lmstudio");
        meta.ProviderUri.ShouldBe(new Uri("http://192.168.1.50:1234/v1/"));
        sp.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>("lmstudio").ShouldBeOfType<LMStudioEmbeddingGenerator>();
        sp.GetRequiredKeyedService<IModelDiscovery>("lmstudio").ShouldBeSameAs(chat);
        var registration = sp.GetServices<ProviderRegistration>().ShouldHaveSingleItem();
        registration.Descriptor.RequiresApiKey.ShouldBeFalse();
        registration.Descriptor.Locality.ShouldBe(ProviderLocality.Local);
        registration.Descriptor.ComplianceTags.ShouldContain("local");

        var bad = new TestProvidersBuilder(new() { ["AssistantProviders:Providers:LMStudio:Endpoint"] = "http://169.254.169.254/v1/" });
        bad.AddLMStudio();
        using var badSp = bad.Build();
        Should.Throw<OptionsValidationException>(() => badSp.GetRequiredKeyedService<IChatClient>("lmstudio"));
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
