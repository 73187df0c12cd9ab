// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text.Json.Nodes;
using static AssistantProviders.Emulator.Tests.Wire;

namespace AssistantProviders.Emulator.Tests;

public sealed class CohereWireTests
{
    private const string Hello = """{"model":"command-x","messages":[{"role":"user","content":"Hi there"}]}""";
    private const string Weather = """{"model":"command-x","messages":[{"role":"user","content":"weather?"}],"tools":[{"type":"function","function":{"name":"get_weather","parameters":{}}}]}""";

    [Fact]
    public async Task Chat_NonStreaming_HasV2Shape()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var json = await PostJsonAsync(client, "cohere/v2/chat", Hello);

        Assert.True(Guid.TryParse((string?)json["id"], out _));
        Assert.Equal("assistant", (string?)json["message"]!["role"]);
        Assert.Equal("text", (string?)json["message"]!["content"]![0]!["type"]);
        Assert.Equal(EmulatorDefaults.AnswerText, (string?)json["message"]!["content"]![0]!["text"]);
        Assert.Equal("COMPLETE", (string?)json["finish_reason"]);
        Assert.Equal(2, (int)json["usage"]!["billed_units"]!["input_tokens"]!);
        Assert.Equal(4, (int)json["usage"]!["tokens"]!["output_tokens"]!);
    }

    [Fact]
    public async Task Chat_Streaming_SendsTypedEvents_EndingWithMessageEnd()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var (_, body) = await PostAsync(client, "cohere/v2/chat", Hello.Replace("{\"model\"", "{\"stream\":true,\"model\"", StringComparison.Ordinal));

        var events = ParseSse(body);
        Assert.All(events, e => Assert.Equal(e.Event, (string?)JsonNode.Parse(e.Data)!["type"]));
        Assert.Equal(["message-start", "content-start", "content-delta", "content-end", "message-end"], events.Select(e => e.Event).Distinct());
        var text = string.Concat(events.Where(e => e.Event == "content-delta").Select(e => (string?)JsonNode.Parse(e.Data)!["delta"]!["message"]!["content"]!["text"]));
        Assert.Equal(EmulatorDefaults.AnswerText, text);
        var end = JsonNode.Parse(events[^1].Data)!;
        Assert.Equal("COMPLETE", (string?)end["delta"]!["finish_reason"]);
        Assert.Equal(4, (int)end["delta"]!["usage"]!["billed_units"]!["output_tokens"]!);
    }

    [Fact]
    public async Task Chat_Tools_StreamsPlanAndToolCallEvents()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var plain = await PostJsonAsync(client, "cohere/v2/chat", Weather);
        var (_, body) = await PostAsync(client, "cohere/v2/chat", Weather.Replace("{\"model\"", "{\"stream\":true,\"model\"", StringComparison.Ordinal));

        Assert.Equal("TOOL_CALL", (string?)plain["finish_reason"]);
        Assert.NotNull((string?)plain["message"]!["tool_plan"]);
        Assert.Equal("get_weather", (string?)plain["message"]!["tool_calls"]![0]!["function"]!["name"]);

        var events = ParseSse(body);
        Assert.Equal(["message-start", "tool-plan-delta", "tool-call-start", "tool-call-delta", "tool-call-end", "message-end"], events.Select(e => e.Event).Distinct());
        var start = JsonNode.Parse(events.First(e => e.Event == "tool-call-start").Data)!;
        Assert.Equal("get_weather", (string?)start["delta"]!["message"]!["tool_calls"]!["function"]!["name"]);
        var arguments = string.Concat(events.Where(e => e.Event == "tool-call-delta").Select(e => (string?)JsonNode.Parse(e.Data)!["delta"]!["message"]!["tool_calls"]!["function"]!["arguments"]));
        Assert.Equal("Paris", (string?)JsonNode.Parse(arguments)!["location"]);
        Assert.Equal("TOOL_CALL", (string?)JsonNode.Parse(events[^1].Data)!["delta"]!["finish_reason"]);
    }

    [Fact]
    public async Task Chat_WithDocuments_EmitsCitations()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);
        var request = """{"model":"m","documents":[{"id":"d1","data":{"text":"Paris is in France."}}],"messages":[{"role":"user","content":"Where is Paris?"}]}""";

        var plain = await PostJsonAsync(client, "cohere/v2/chat", request);
        var (_, body) = await PostAsync(client, "cohere/v2/chat", request.Replace("{\"model\"", "{\"stream\":true,\"model\"", StringComparison.Ordinal));

        var citation = plain["message"]!["citations"]![0]!;
        Assert.Equal("document", (string?)citation["sources"]![0]!["type"]);
        var events = ParseSse(body);
        Assert.Contains(events, e => e.Event == "citation-start");
        Assert.Contains(events, e => e.Event == "citation-end");
    }

    [Fact]
    public async Task Embed_ReturnsFloatEmbeddingsByType()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var json = await PostJsonAsync(client, "cohere/v2/embed", """{"model":"emu-embed","texts":["a","b c"],"input_type":"search_document","embedding_types":["float"]}""");

        Assert.Equal(2, json["embeddings"]!["float"]!.AsArray().Count);
        Assert.Equal(EmulatorDefaults.EmbeddingDimensions, json["embeddings"]!["float"]![0]!.AsArray().Count);
        Assert.Equal(["a", "b c"], json["texts"]!.AsArray().Select(t => (string)t!));
        Assert.Equal("2", (string?)json["meta"]!["api_version"]!["version"]);
        Assert.Equal(3, (int)json["meta"]!["billed_units"]!["input_tokens"]!);
    }

    [Fact]
    public async Task Rerank_OrdersByWordOverlap_AndHonorsTopN()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var json = await PostJsonAsync(client, "cohere/v2/rerank",
            """{"model":"rerank-x","query":"capital of France","documents":["Bananas are yellow.","Paris is the capital of France.","The capital city"],"top_n":2}""");

        var results = json["results"]!.AsArray();
        Assert.Equal(2, results.Count);
        Assert.Equal(1, (int)results[0]!["index"]!);
        Assert.Equal(2, (int)results[1]!["index"]!);
        Assert.True((double)results[0]!["relevance_score"]! > (double)results[1]!["relevance_score"]!);
        Assert.Equal(1, (int)json["meta"]!["billed_units"]!["search_units"]!);
    }

    [Fact]
    public async Task Models_And401_UseCohereShapes()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ExpectedApiKey = "secret" }, Ct);
        using var client = Client(server);

        var (denied, deniedBody) = await GetAsync(client, "cohere/v1/models");
        using var request = new HttpRequestMessage(HttpMethod.Get, "cohere/v1/models");
        request.Headers.Authorization = new("Bearer", "secret");
        using var allowed = await client.SendAsync(request, Ct);
        var json = JsonNode.Parse(await allowed.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.NotNull((string?)JsonNode.Parse(deniedBody)!["message"]);
        Assert.Equal(EmulatorDefaults.Models, json["models"]!.AsArray().Select(m => (string)m!["name"]!));
    }
}
