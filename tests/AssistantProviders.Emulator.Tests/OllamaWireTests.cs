// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text.Json.Nodes;
using static AssistantProviders.Emulator.Tests.Wire;

namespace AssistantProviders.Emulator.Tests;

public sealed class OllamaWireTests
{
    [Fact]
    public async Task Chat_StreamsNdjsonByDefault_EndingWithDoneAndCounts()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var (response, body) = await PostAsync(client, "ollama/api/chat", """{"model":"llama3.2","messages":[{"role":"user","content":"Hi there"}]}""");

        Assert.Equal("application/x-ndjson", ContentType(response)?.MediaType);
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.True(lines.Count >= 5);
        Assert.All(lines.SkipLast(1), l => Assert.False((bool)l["done"]!));
        Assert.All(lines, l => Assert.Equal("llama3.2", (string?)l["model"]));
        Assert.Equal(EmulatorDefaults.AnswerText, string.Concat(lines.Select(l => (string?)l["message"]!["content"])));
        var last = lines[^1];
        Assert.True((bool)last["done"]!);
        Assert.Equal("stop", (string?)last["done_reason"]);
        Assert.Equal(2, (int)last["prompt_eval_count"]!);
        Assert.Equal(4, (int)last["eval_count"]!);
        Assert.True((long)last["total_duration"]! > 0);
        Assert.True((long)last["eval_duration"]! > 0);
    }

    [Fact]
    public async Task Chat_StreamFalse_ReturnsOneObject()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var json = await PostJsonAsync(client, "ollama/api/chat", """{"model":"m","stream":false,"messages":[{"role":"user","content":"Hi"}]}""");

        Assert.True((bool)json["done"]!);
        Assert.Equal("assistant", (string?)json["message"]!["role"]);
        Assert.Equal(EmulatorDefaults.AnswerText, (string?)json["message"]!["content"]);
    }

    [Fact]
    public async Task Chat_Tools_ReturnObjectArguments()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var json = await PostJsonAsync(client, "ollama/api/chat",
            """{"model":"m","stream":false,"messages":[{"role":"user","content":"weather?"}],"tools":[{"type":"function","function":{"name":"get_weather"}}]}""");

        var call = json["message"]!["tool_calls"]![0]!["function"]!;
        Assert.Equal("get_weather", (string?)call["name"]);
        Assert.Equal("Paris", (string?)call["arguments"]!["location"]);
    }

    [Fact]
    public async Task Embed_AndTags_HaveOllamaShapes()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var embed = await PostJsonAsync(client, "ollama/api/embed", """{"model":"emu-embed","input":["a","b"]}""");
        var tags = await GetJsonAsync(client, "ollama/api/tags");

        Assert.Equal(2, embed["embeddings"]!.AsArray().Count);
        Assert.Equal(2, (int)embed["prompt_eval_count"]!);
        var model = tags["models"]![0]!;
        Assert.Equal(EmulatorDefaults.CheapModel, (string?)model["name"]);
        Assert.Equal("gguf", (string?)model["details"]!["format"]);
        Assert.Equal(64, ((string)model["digest"]!).Length);
    }

    [Fact]
    public async Task UnknownRoute_GetsOllamaErrorShape()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var (response, body) = await PostAsync(client, "ollama/api/nope", "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(JsonValueKindString, JsonNode.Parse(body)!["error"]!.GetValueKind());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindString = System.Text.Json.JsonValueKind.String;
}
