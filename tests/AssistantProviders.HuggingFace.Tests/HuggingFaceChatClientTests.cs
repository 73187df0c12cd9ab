// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text.Json.Nodes;
using AssistantProviders.HuggingFace;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using static AssistantProviders.TestUtilities.Providers.OpenAIWirePayloads;

namespace AssistantProviders.HuggingFace.Tests;

public sealed class HuggingFaceChatClientTests
{
    private static readonly ChatOptions TapeOptions = new() { ModelId = "mistralai/Mistral-7B-Instruct-v0.2", MaxOutputTokens = 500, Temperature = 0.1f, Seed = 0 };

    private static HuggingFaceChatClient CreateChatClient(HttpMessageHandler handler, string? apiKey = Key, long? maxResponseBytes = null) =>
        new HuggingFaceChatClient(new HuggingFaceClientOptions { ApiKey = apiKey, MaxResponseBytes = maxResponseBytes ?? 1 << 20 }, new HttpClient(handler));

    [Fact]
    public async Task RouterChatTape_Verbatim_MapsAnswer()
    {
        var (request, response, _) = ReadTape("huggingface", "router-chat.tape.json");
        var handler = new VerbatimHttpHandler { ExpectedPath = "/v1/chat/completions", ExpectedRequestJson = request }.Respond(response);
        using var client = CreateChatClient(handler);

        var result = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Complete the this sentence with words one plus one is equal ")], TapeOptions, TestContext.Current.CancellationToken);

        Assert.Equal(" One plus one is equal to two.", result.Text);
        Assert.Equal(29, result.Usage?.TotalTokenCount);
        Assert.Equal("https://router.huggingface.co/v1/chat/completions", handler.Requests[0].Uri.AbsoluteUri);
    }

    [Fact]
    public async Task RouterStreamTape_RequestAsksForUsage_TextAssembled()
    {
        var (request, _, _) = ReadTape("huggingface", "router-stream.tape.json");
        var expected = JsonNode.Parse(request)!.AsObject();
        expected["stream_options"] = new JsonObject { ["include_usage"] = true };
        var handler = new VerbatimHttpHandler { ExpectedRequestJson = expected.ToJsonString() }.RespondSse(RepoPaths.ReadFixture("huggingface", "router-stream.sse"));
        using var client = CreateChatClient(handler);

        var updates = await CollectAsync(client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Complete the equation 1+1= ,just the answer")], TapeOptions, TestContext.Current.CancellationToken));

        Assert.EndsWith("2.", string.Concat(updates.Select(u => u.Text)), StringComparison.Ordinal);
        Assert.Empty(updates.SelectMany(u => u.Contents).OfType<UsageContent>()); // this recording reports usage:null on every chunk
        Assert.Equal(ChatFinishReason.Stop, updates.Last(u => u.FinishReason is not null).FinishReason);
    }

    [Fact]
    public async Task RouterError422Tape_IsBadRequestWithVendorText()
    {
        var (_, body, status) = ReadTape("huggingface", "router-error-422.tape.json");
        var handler = new VerbatimHttpHandler().Respond(body, (HttpStatusCode)status);
        using var client = CreateChatClient(handler);

        var ex = await Assert.ThrowsAsync<AssistantProviderException>(() => client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(422, ex.StatusCode);
        Assert.Equal(ProviderErrorKind.BadRequest, ex.Kind);
        Assert.Contains("Template error", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListModels_RouterShape_TakesFirstLiveProvider()
    {
        const string body = """
        {"object":"list","data":[{"id":"meta-llama/Llama-3.1-8B-Instruct","object":"model","created":1721000000,"owned_by":"meta-llama",
          "providers":[{"provider":"old","status":"staging","context_length":4096},{"provider":"novita","status":"live","context_length":16384,"pricing":{"input":0.02,"output":0.05},"supports_tools":true}]}]}
        """;
        var handler = new VerbatimHttpHandler { ExpectedPath = "/v1/models" }.Respond(body);
        using var client = new HuggingFaceChatClient(new HuggingFaceClientOptions { ApiKey = Key }, new HttpClient(handler));

        var model = Assert.Single(await client.ListModelsAsync(TestContext.Current.CancellationToken));

        Assert.Equal(16384, model.ContextWindow);
        Assert.Equal(0.05m, model.Pricing?.OutputPerMillionTokens);
        Assert.True(model.Capabilities.HasFlag(ModelCapabilities.Tools));
        Assert.Equal("meta-llama", model.OwnedBy);
    }
}
