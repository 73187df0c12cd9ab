// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Anthropic.Tests;

/// <summary>The exact request JSON and headers the client sends (shapes checked against specs/anthropic/openapi.yaml CreateMessageParams).</summary>
public sealed class AnthropicRequestTests
{
    private static readonly string[] Stops = ["###"];

    [Fact]
    public async Task System_prompt_sampling_and_default_max_tokens()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedMethod = HttpMethod.Post,
            ExpectedPath = "/v1/messages",
            ExpectedHeaders = { ["x-api-key"] = Fixtures.Key, ["anthropic-version"] = "2023-06-01" },
            ExpectedRequestJson = """
                {"model":"claude-sonnet-4-5-20250929","max_tokens":4096,"system":"Be brief.\n\nAnswer in English.",
                 "messages":[{"role":"user","content":[{"type":"text","text":"Hello"}]}],
                 "temperature":0.2,"top_p":0.9,"top_k":5,"stop_sequences":["###"]}
                """,
        }.Respond(Fixtures.Read("messages-text.json"));
        using var client = Fixtures.Chat(handler);

        await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Answer in English."), new ChatMessage(ChatRole.User, "Hello")],
            new ChatOptions { Instructions = "Be brief.", Temperature = 0.2f, TopP = 0.9f, TopK = 5, StopSequences = Stops },
            TestContext.Current.CancellationToken);

        handler.Requests.Single().Headers.ContainsKey("Authorization").ShouldBeFalse();
    }

    [Fact]
    public async Task Max_tokens_from_options_then_from_client_options()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """{"model":"claude-3-5-haiku-latest","max_tokens":123,"messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}]}""",
        }.Respond(Fixtures.Read("messages-text.json"));
        using var client = Fixtures.Chat(handler, o => o.DefaultMaxTokens = 999);
        await client.GetResponseAsync("hi", new ChatOptions { ModelId = "claude-3-5-haiku-latest", MaxOutputTokens = 123 }, TestContext.Current.CancellationToken);

        var handler2 = new VerbatimHttpHandler
        {
            ExpectedHeaders = { ["anthropic-version"] = "2024-01-01", ["anthropic-beta"] = "prompt-caching-2024-07-31" },
            ExpectedRequestJson = """{"model":"my-default","max_tokens":999,"messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}]}""",
        }.Respond(Fixtures.Read("messages-text.json"));
        using var client2 = Fixtures.Chat(handler2, o =>
        {
            o.DefaultMaxTokens = 999;
            o.DefaultModel = "my-default";
            o.ApiVersion = "2024-01-01";
            o.Beta = "prompt-caching-2024-07-31";
        });
        await client2.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Tool_history_becomes_tool_use_and_tool_result_blocks_with_merged_turns()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """
                {"model":"claude-sonnet-4-5-20250929","max_tokens":4096,
                 "messages":[
                   {"role":"user","content":[{"type":"text","text":"weather in Paris and Rome?"},{"type":"text","text":"be quick"}]},
                   {"role":"assistant","content":[{"type":"text","text":"Checking."},
                     {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}},
                     {"type":"tool_use","id":"toolu_2","name":"get_weather","input":{"city":"Rome"}}]},
                   {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"18C"},
                     {"type":"tool_result","tool_use_id":"toolu_2","content":"{\"temp\":25}"},
                     {"type":"tool_result","tool_use_id":"toolu_3","content":"boom","is_error":true},
                     {"type":"text","text":"thanks"}]}],
                 "tools":[{"name":"get_weather","description":"Get the weather in a given city","input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}],
                 "tool_choice":{"type":"auto"}}
                """,
        }.Respond(Fixtures.Read("messages-text.json"));
        using var client = Fixtures.Chat(handler);
        using var result = JsonDocument.Parse("""{"temp":25}""");

        await client.GetResponseAsync(
            [
                new ChatMessage(ChatRole.User, "weather in Paris and Rome?"),
                new ChatMessage(ChatRole.User, "be quick"),
                new ChatMessage(ChatRole.Assistant, [
                    new TextContent("Checking."),
                    new FunctionCallContent("toolu_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris" }),
                    new FunctionCallContent("toolu_2", "get_weather", new Dictionary<string, object?> { ["city"] = "Rome" }),
                ]),
                new ChatMessage(ChatRole.Tool, [
                    new FunctionResultContent("toolu_1", "18C"),
                    new FunctionResultContent("toolu_2", result.RootElement.Clone()),
                    new FunctionResultContent("toolu_3", "boom") { Exception = new InvalidOperationException("boom") },
                ]),
                new ChatMessage(ChatRole.User, "thanks"),
            ],
            new ChatOptions { Tools = [WeatherTool()], ToolMode = ChatToolMode.Auto },
            TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("none", null, """{"type":"none"}""")]
    [InlineData("any", null, """{"type":"any"}""")]
    [InlineData("tool", null, """{"type":"tool","name":"get_weather"}""")]
    [InlineData("unset", false, """{"type":"auto","disable_parallel_tool_use":true}""")]
    [InlineData("any", false, """{"type":"any","disable_parallel_tool_use":true}""")]
    public async Task Tool_choice_maps_every_mode(string mode, bool? allowMultiple, string expectedChoice)
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """
                {"model":"claude-sonnet-4-5-20250929","max_tokens":4096,"messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}],
                 "tools":[{"name":"get_weather","description":"Get the weather in a given city","input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}],
                 "tool_choice":CHOICE}
                """.Replace("CHOICE", expectedChoice, StringComparison.Ordinal),
        }.Respond(Fixtures.Read("messages-text.json"));
        using var client = Fixtures.Chat(handler);
        ChatToolMode? toolMode = mode switch
        {
            "none" => ChatToolMode.None,
            "any" => ChatToolMode.RequireAny,
            "tool" => ChatToolMode.RequireSpecific("get_weather"),
            _ => null,
        };

        await client.GetResponseAsync("hi", new ChatOptions { Tools = [WeatherTool()], ToolMode = toolMode, AllowMultipleToolCalls = allowMultiple }, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Images_documents_thinking_schema_and_user_id()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """
                {"model":"claude-sonnet-4-5-20250929","max_tokens":4096,
                 "messages":[
                   {"role":"user","content":[{"type":"text","text":"Compare"},
                     {"type":"image","source":{"type":"base64","media_type":"image/png","data":"AQID"}},
                     {"type":"image","source":{"type":"url","url":"https://example.com/cat.jpg"}},
                     {"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"JVBE"}}]},
                   {"role":"assistant","content":[{"type":"thinking","thinking":"hmm","signature":"sig=="},{"type":"text","text":"A cat."}]},
                   {"role":"user","content":[{"type":"text","text":"JSON please"}]}],
                 "thinking":{"type":"enabled","budget_tokens":2048},
                 "output_config":{"format":{"type":"json_schema","schema":{"type":"object","properties":{"animal":{"type":"string"}}}}},
                 "metadata":{"user_id":"user-42"}}
                """,
        }.Respond(Fixtures.Read("messages-text.json"));
        using var client = Fixtures.Chat(handler);
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"animal":{"type":"string"}}}""");

        await client.GetResponseAsync(
            [
                new ChatMessage(ChatRole.User, [
                    new TextContent("Compare"),
                    new DataContent(new byte[] { 1, 2, 3 }, "image/png"),
                    new UriContent("https://example.com/cat.jpg", "image/jpeg"),
                    new DataContent(new byte[] { 0x25, 0x50, 0x44 }, "application/pdf"),
                ]),
                new ChatMessage(ChatRole.Assistant, [new TextReasoningContent("hmm") { ProtectedData = "sig==" }, new TextReasoningContent("unsigned is dropped"), new TextContent("A cat.")]),
                new ChatMessage(ChatRole.User, "JSON please"),
            ],
            new ChatOptions
            {
                ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.RootElement.Clone()),
                AdditionalProperties = new() { [AnthropicChatClient.ThinkingBudgetTokensKey] = 2048, [AnthropicChatClient.UserIdKey] = "user-42" },
            },
            TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Streaming_request_sets_stream_true_and_accepts_sse()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """{"model":"claude-sonnet-4-5-20250929","max_tokens":4096,"stream":true,"messages":[{"role":"user","content":[{"type":"text","text":"Hello"}]}]}""",
        }.RespondSse(Fixtures.Sse(Fixtures.Read("stream-text.chunks.txt")));
        using var client = Fixtures.Chat(handler);

        await client.GetStreamingResponseAsync("Hello", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        handler.Requests.Single().Headers["Accept"].ShouldBe("text/event-stream");
    }

    internal static AIFunctionDeclaration WeatherTool()
    {
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""");
        return AIFunctionFactory.CreateDeclaration("get_weather", "Get the weather in a given city", schema.RootElement.Clone());
    }
}
