// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text.Json.Nodes;
using static AssistantProviders.Emulator.Tests.Wire;

namespace AssistantProviders.Emulator.Tests;

public sealed class AnthropicWireTests
{
    private const string Hello = """{"model":"claude-x","max_tokens":100,"system":"Be brief.","messages":[{"role":"user","content":"Hi there"}]}""";
    private const string Weather = """{"model":"claude-x","max_tokens":100,"messages":[{"role":"user","content":[{"type":"text","text":"weather in Paris?"}]}],"tools":[{"name":"get_weather","input_schema":{"type":"object"}}]}""";

    private static void Headers(HttpRequestMessage request)
    {
        request.Headers.Add("x-api-key", "k");
        request.Headers.Add("anthropic-version", "2023-06-01");
    }

    [Fact]
    public async Task Messages_NonStreaming_HasMessageShapeAndUsage()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var (response, body) = await PostAsync(client, "anthropic/v1/messages", Hello, Headers);
        var json = JsonNode.Parse(body)!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("message", (string?)json["type"]);
        Assert.Equal("assistant", (string?)json["role"]);
        Assert.Equal("claude-x", (string?)json["model"]);
        Assert.StartsWith("msg_", (string?)json["id"], StringComparison.Ordinal);
        Assert.Equal("text", (string?)json["content"]![0]!["type"]);
        Assert.Equal(EmulatorDefaults.AnswerText, (string?)json["content"]![0]!["text"]);
        Assert.Equal("end_turn", (string?)json["stop_reason"]);
        var usage = json["usage"]!;
        Assert.Equal(4, (int)usage["input_tokens"]!);
        Assert.Equal(4, (int)usage["output_tokens"]!);
        Assert.Equal(0, (int)usage["cache_read_input_tokens"]!);
        Assert.Equal(0, (int)usage["cache_creation_input_tokens"]!);
    }

    [Fact]
    public async Task Messages_Streaming_SendsNamedEventsInOrder()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var (_, body) = await PostAsync(client, "anthropic/v1/messages", Hello.Replace("{\"model\"", "{\"stream\":true,\"model\"", StringComparison.Ordinal), Headers);

        var events = ParseSse(body);
        Assert.All(events, e => Assert.Equal(e.Event, (string?)JsonNode.Parse(e.Data)!["type"]));
        var names = events.Select(e => e.Event).Distinct().ToList();
        Assert.Equal(["message_start", "content_block_start", "ping", "content_block_delta", "content_block_stop", "message_delta", "message_stop"], names);
        var text = string.Concat(events.Where(e => e.Event == "content_block_delta").Select(e => (string?)JsonNode.Parse(e.Data)!["delta"]!["text"]));
        Assert.Equal(EmulatorDefaults.AnswerText, text);
        var delta = JsonNode.Parse(events.Single(e => e.Event == "message_delta").Data)!;
        Assert.Equal("end_turn", (string?)delta["delta"]!["stop_reason"]);
        Assert.Equal(4, (int)delta["usage"]!["output_tokens"]!);
        Assert.Equal("message_stop", events[^1].Event);
    }

    [Fact]
    public async Task Messages_Tools_NonStreamingToolUse_AndStreamedInputJsonDeltas()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var (_, plain) = await PostAsync(client, "anthropic/v1/messages", Weather, Headers);
        var (_, streamed) = await PostAsync(client, "anthropic/v1/messages", Weather.Replace("{\"model\"", "{\"stream\":true,\"model\"", StringComparison.Ordinal), Headers);

        var json = JsonNode.Parse(plain)!;
        Assert.Equal("tool_use", (string?)json["stop_reason"]);
        var block = json["content"]![0]!;
        Assert.Equal("tool_use", (string?)block["type"]);
        Assert.Equal("get_weather", (string?)block["name"]);
        Assert.Equal("Paris", (string?)block["input"]!["location"]);

        var events = ParseSse(streamed);
        var start = JsonNode.Parse(events.Single(e => e.Event == "content_block_start").Data)!;
        Assert.Equal("tool_use", (string?)start["content_block"]!["type"]);
        var partial = string.Concat(events.Where(e => e.Event == "content_block_delta")
            .Select(e => JsonNode.Parse(e.Data)!["delta"]!)
            .Select(d => { Assert.Equal("input_json_delta", (string?)d["type"]); return (string?)d["partial_json"]; }));
        Assert.Equal("Paris", (string?)JsonNode.Parse(partial)!["location"]);
    }

    [Fact]
    public async Task Messages_ToolResult_IsQuoted()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var json = JsonNode.Parse((await PostAsync(client, "anthropic/v1/messages",
            """{"model":"m","max_tokens":9,"tools":[{"name":"get_weather"}],"messages":[{"role":"user","content":"weather?"},{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"get_weather","input":{}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"rainy"}]}]}""",
            Headers)).Body)!;

        Assert.Equal("end_turn", (string?)json["stop_reason"]);
        Assert.Contains("rainy", (string?)json["content"]![0]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_ListHasAnthropicPaging()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var json = await GetJsonAsync(client, "anthropic/v1/models");

        Assert.Equal(EmulatorDefaults.Models, json["data"]!.AsArray().Select(m => (string)m!["id"]!));
        Assert.All(json["data"]!.AsArray(), m => Assert.Equal("model", (string?)m!["type"]));
        Assert.False((bool)json["has_more"]!);
        Assert.Equal(EmulatorDefaults.CheapModel, (string?)json["first_id"]);
    }

    [Fact]
    public async Task Overloaded529Fault_HasAnthropicErrorShape()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(EmulatorFault.Create("anthropic", FaultKind.Status529));
        using var client = Client(server);

        var (response, body) = await PostAsync(client, "anthropic/v1/messages", Hello, Headers);

        Assert.Equal(529, (int)response.StatusCode);
        var json = JsonNode.Parse(body)!;
        Assert.Equal("error", (string?)json["type"]);
        Assert.Equal("overloaded_error", (string?)json["error"]!["type"]);
        Assert.NotNull((string?)json["error"]!["message"]);
    }
}
