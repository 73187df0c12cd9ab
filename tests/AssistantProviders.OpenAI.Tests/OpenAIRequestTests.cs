// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;

namespace AssistantProviders.OpenAI.Tests;

/// <summary>The exact JSON OpenAIChatClient sends.</summary>
public sealed class OpenAIRequestTests
{
    private const string Ok = """{"id":"r","object":"chat.completion","created":1,"model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}]}""";

    private static OpenAIChatClient Client(VerbatimHttpHandler handler) => new(new OpenAIClientOptions { ApiKey = "sk-test-1234567890" }, new HttpClient(handler));

    [Fact]
    public async Task FullConversation_WithToolsImageSchemaAndLimits_IsSentVerbatim()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedPath = "/v1/chat/completions",
            ExpectedRequestJson = """
            {
              "model": "gpt-4o",
              "messages": [
                {"role": "system", "content": "Be brief."},
                {"role": "system", "content": "You are a weather bot."},
                {"role": "user", "content": [
                  {"type": "text", "text": "What is in this picture, and the weather in Paris?"},
                  {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}}
                ]},
                {"role": "assistant", "tool_calls": [
                  {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\":\"Paris\"}"}}
                ]},
                {"role": "tool", "tool_call_id": "call_1", "content": "{\"temp\":21}"},
                {"role": "assistant", "content": "It is 21 degrees."}
              ],
              "temperature": 0.5,
              "top_p": 0.9,
              "max_completion_tokens": 256,
              "stop": ["END"],
              "seed": 42,
              "tools": [
                {"type": "function", "function": {"name": "get_weather", "description": "Gets the weather",
                  "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}
              ],
              "tool_choice": {"type": "function", "function": {"name": "get_weather"}},
              "parallel_tool_calls": false,
              "response_format": {"type": "json_schema", "json_schema": {"name": "answer", "description": "The answer",
                "schema": {"type": "object", "properties": {"text": {"type": "string"}}}, "strict": true}}
            }
            """,
        }.Respond(Ok);
        using var client = Client(handler);

        using var parameters = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""");
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"text":{"type":"string"}}}""");
        var tool = AIFunctionFactory.CreateDeclaration("get_weather", "Gets the weather", parameters.RootElement.Clone());
        var options = new ChatOptions
        {
            ModelId = "gpt-4o",
            Instructions = "Be brief.",
            Temperature = 0.5f,
            TopP = 0.9f,
            MaxOutputTokens = 256,
            StopSequences = ["END"],
            Seed = 42,
            Tools = [tool],
            ToolMode = ChatToolMode.RequireSpecific("get_weather"),
            AllowMultipleToolCalls = false,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.RootElement.Clone(), "answer", "The answer"),
        };
        List<ChatMessage> messages =
        [
            new(ChatRole.System, "You are a weather bot."),
            new(ChatRole.User, [new TextContent("What is in this picture, and the weather in Paris?"), new DataContent("data:image/png;base64,iVBORw0KGgo=")]),
            new(ChatRole.Assistant, [new FunctionCallContent("call_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris" })]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", JsonDocument.Parse("""{"temp":21}""").RootElement)]),
            new(ChatRole.Assistant, "It is 21 degrees."),
        ];

        (await client.GetResponseAsync(messages, options)).Text.ShouldBe("ok");
    }

    [Fact]
    public async Task Streaming_AddsStreamAndStreamOptions_AndAutoToolChoice()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """
            {"model":"gpt-4.1-mini","messages":[{"role":"user","content":"hi"}],
             "tools":[{"type":"function","function":{"name":"noop","parameters":{"type":"object","properties":{}}}}],
             "tool_choice":"auto",
             "response_format":{"type":"json_object"},
             "stream":true,"stream_options":{"include_usage":true}}
            """,
        }.RespondSse(new SseBuilder().Event("""{"id":"s","model":"gpt-4.1-mini","choices":[{"index":0,"delta":{"content":"{}"},"finish_reason":"stop"}]}""").Done().ToString());
        using var client = Client(handler);
        using var parameters = JsonDocument.Parse("""{"type":"object","properties":{}}""");
        var options = new ChatOptions
        {
            Tools = [AIFunctionFactory.CreateDeclaration("noop", null, parameters.RootElement.Clone())],
            ToolMode = ChatToolMode.Auto,
            ResponseFormat = ChatResponseFormat.Json,
        };
        var text = string.Empty;
        await foreach (var u in client.GetStreamingResponseAsync("hi", options))
        {
            text += u.Text;
        }

        text.ShouldBe("{}");
        handler.Requests.Single().Headers["Accept"].ShouldContain("text/event-stream");
    }

    [Fact]
    public async Task DefaultModel_FromOptions_IsUsed()
    {
        var handler = new VerbatimHttpHandler { ExpectedRequestJson = """{"model":"my-default","messages":[{"role":"user","content":"hi"}]}""" }.Respond(Ok);
        using var client = new OpenAIChatClient(new OpenAIClientOptions { ApiKey = "sk-test-1234567890", DefaultModel = "my-default" }, new HttpClient(handler));
        await client.GetResponseAsync("hi");
    }
}
