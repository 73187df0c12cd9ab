// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;
using static AssistantProviders.Emulator.Tests.Wire;

namespace AssistantProviders.Emulator.Tests;

/// <summary>Tool calls whose arguments the emulator builds from the tool's schema and the user's words, and tool plans over several turns.</summary>
public sealed class ToolArgumentTests
{
    private const string Chat = "openai/v1/chat/completions";

    private const string SearchTool = """
        {"type":"function","function":{"name":"search_docs","parameters":{"type":"object",
          "properties":{"query":{"type":"string"},"maxResults":{"type":"integer","default":5}},"required":["query"]}}}
        """;

    private const string CalculateTool = """
        {"type":"function","function":{"name":"calculate","parameters":{"type":"object",
          "properties":{"expression":{"type":"string"}},"required":["expression"]}}}
        """;

    private const string ClockTool = """{"type":"function","function":{"name":"utc_now","parameters":{"type":"object","properties":{}}}}""";

    [Fact]
    public async Task MentionedTool_TakesTheQuotedPhrase_AndAnOptionalNumber()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var call = await FirstCallAsync(client, "Please search the docs for 'circuit breaker' and show 3 hits.", SearchTool, CalculateTool);

        Assert.Equal("search_docs", Name(call));
        Assert.Equal(Canon("""{"query":"circuit breaker","maxResults":3}"""), Arguments(call));
    }

    [Fact]
    public async Task OptionalProperty_IsLeftOut_WhenTheTextGivesNothing()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var call = await FirstCallAsync(client, "Search the docs for \"failover\".", SearchTool);

        Assert.Equal(Canon("""{"query":"failover"}"""), Arguments(call));
    }

    [Fact]
    public async Task StringWithoutQuotes_TakesTheArithmeticExpression()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var call = await FirstCallAsync(client, "Now calculate (1250 * 0.2) + 17.5, thanks.", SearchTool, CalculateTool);

        Assert.Equal("calculate", Name(call));
        Assert.Equal(Canon("""{"expression":"(1250 * 0.2) + 17.5"}"""), Arguments(call));
    }

    [Fact]
    public async Task RequiredPropertyTheTextCannotFill_GetsTheFixedArguments()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var call = await FirstCallAsync(client, "Search the docs, please.", SearchTool);

        Assert.Equal("search_docs", Name(call));
        Assert.Equal(Canon(EmulatorDefaults.ToolArgumentsJson), Arguments(call));
    }

    [Fact]
    public async Task ToolWithEmptyProperties_GetsAnEmptyObject()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var call = await FirstCallAsync(client, "What is the UTC time now?", SearchTool, ClockTool);

        Assert.Equal("utc_now", Name(call));
        Assert.Equal(Canon("{}"), Arguments(call));
    }

    [Fact]
    public async Task Enum_TakesTheValueTheTextNames_ElseTheFirst()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);
        const string convert = """
            {"type":"function","function":{"name":"convert","parameters":{"type":"object",
              "properties":{"amount":{"type":"number"},"unit":{"type":"string","enum":["celsius","fahrenheit"]}},"required":["amount","unit"]}}}
            """;

        var named = await FirstCallAsync(client, "convert 21.5 to fahrenheit", convert);
        var unnamed = await FirstCallAsync(client, "convert 40", convert);

        Assert.Equal(Canon("""{"amount":21.5,"unit":"fahrenheit"}"""), Arguments(named));
        Assert.Equal(Canon("""{"amount":40,"unit":"celsius"}"""), Arguments(unnamed));
    }

    [Fact]
    public async Task CamelCaseName_IsMentionedByItsWords_AndTheSameRequestGetsTheSameCall()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);
        const string tool = """{"type":"function","function":{"name":"searchDocs","parameters":{"type":"object","properties":{"query":{"type":"string"}}}}}""";

        var first = await FirstCallAsync(client, "search our docs for 'budgets'", tool);
        var second = await FirstCallAsync(client, "search our docs for 'budgets'", tool);

        Assert.Equal("searchDocs", Name(first));
        Assert.Equal(Canon("""{"query":"budgets"}"""), Arguments(first));
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
    }

    [Fact]
    public async Task UnmentionedTool_IsNotCalled_WithoutWeatherOrARequiredChoice()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var json = await PostJsonAsync(client, Chat, Request(new JsonArray(User("Tell me a joke about 'cats'.")), SearchTool));

        Assert.Equal("stop", (string?)json["choices"]![0]!["finish_reason"]);
    }

    [Fact]
    public async Task Plan_CallsEachMentionedToolOnceInOrder_ThenQuotesEveryResult()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);
        const string question = "Search the docs for 'failover', then calculate 6 * 7, and tell me the UTC time now.";
        var messages = new JsonArray(User(question));

        var first = await NextAsync(client, messages);
        messages.Add(Assistant(first));
        messages.Add(ToolResult(first, "docs/ARCHITECTURE.md:12"));
        var second = await NextAsync(client, messages);
        messages.Add(Assistant(second));
        messages.Add(ToolResult(second, "42"));
        var third = await NextAsync(client, messages);
        messages.Add(Assistant(third));
        messages.Add(ToolResult(third, "2026-01-01T00:00:00Z"));
        var final = await PostJsonAsync(client, Chat, Request(messages, SearchTool, CalculateTool, ClockTool));

        Assert.Equal(("search_docs", Canon("""{"query":"failover"}""")), (Name(first), Arguments(first)));
        Assert.Equal(("calculate", Canon("""{"expression":"6 * 7"}""")), (Name(second), Arguments(second)));
        Assert.Equal(("utc_now", Canon("{}")), (Name(third), Arguments(third)));
        var choice = final["choices"]![0]!;
        Assert.Equal("stop", (string?)choice["finish_reason"]);
        Assert.Equal("The tools returned: docs/ARCHITECTURE.md:12 | 42 | 2026-01-01T00:00:00Z", (string?)choice["message"]!["content"]);
    }

    [Fact]
    public async Task Plan_StartsAgain_AfterANewUserMessage()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);
        var messages = new JsonArray(User("calculate 1 + 1"));
        var first = await NextAsync(client, messages);
        messages.Add(Assistant(first));
        messages.Add(ToolResult(first, "2"));
        messages.Add(new JsonObject { ["role"] = "assistant", ["content"] = "The tool returned: 2" });
        messages.Add(User("and calculate 2 * 3"));

        var again = await NextAsync(client, messages);

        Assert.Equal(("calculate", Canon("""{"expression":"2 * 3"}""")), (Name(again), Arguments(again)));
    }

    [Fact]
    public async Task Anthropic_BuildsToolUseInputFromTheInputSchema_AndCountsToolResultBlocks()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);
        const string tools = """
            [{"name":"search_docs","input_schema":{"type":"object","properties":{"query":{"type":"string"}},"required":["query"]}},
             {"name":"calculate","input_schema":{"type":"object","properties":{"expression":{"type":"string"}},"required":["expression"]}}]
            """;
        const string ask = """{"role":"user","content":[{"type":"text","text":"search the docs for 'budgets' then calculate 2^10"}]}""";

        var first = await PostJsonAsync(client, "anthropic/v1/messages", $$"""{"model":"claude-x","max_tokens":100,"messages":[{{ask}}],"tools":{{tools}}}""");
        var use = first["content"]!.AsArray().Single(b => (string?)b!["type"] == "tool_use")!;
        var second = await PostJsonAsync(client, "anthropic/v1/messages", $$$"""
            {"model":"claude-x","max_tokens":100,"tools":{{{tools}}},"messages":[{{{ask}}},
              {"role":"assistant","content":[{"type":"tool_use","id":"{{{(string?)use["id"]}}}","name":"search_docs","input":{"query":"budgets"}}]},
              {"role":"user","content":[{"type":"tool_result","tool_use_id":"{{{(string?)use["id"]}}}","content":"docs/budgets.md:3"}]}]}
            """);

        Assert.Equal("search_docs", (string?)use["name"]);
        Assert.Equal(Canon("""{"query":"budgets"}"""), use["input"]!.ToJsonString());
        var next = second["content"]!.AsArray().Single(b => (string?)b!["type"] == "tool_use")!;
        Assert.Equal("calculate", (string?)next["name"]);
        Assert.Equal(Canon("""{"expression":"2^10"}"""), next["input"]!.ToJsonString());
    }

    [Fact]
    public async Task Gemini_ReadsUpperCaseTypesFromTheDeclarationParameters()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);
        const string request = """
            {"contents":[{"role":"user","parts":[{"text":"search the docs for 'cost' and keep 2"}]}],
             "tools":[{"functionDeclarations":[{"name":"search_docs","parameters":{"type":"OBJECT",
               "properties":{"query":{"type":"STRING"},"limit":{"type":"INTEGER"}},"required":["query"]}}]}]}
            """;

        var json = await PostJsonAsync(client, "gemini/v1beta/models/gemini-x:generateContent", request);

        var call = json["candidates"]![0]!["content"]!["parts"]![0]!["functionCall"]!;
        Assert.Equal("search_docs", (string?)call["name"]);
        Assert.Equal(Canon("""{"query":"cost","limit":2}"""), call["args"]!.ToJsonString());
    }

    private static async Task<JsonNode> FirstCallAsync(HttpClient client, string text, params string[] tools)
    {
        var json = await PostJsonAsync(client, Chat, Request(new JsonArray(User(text)), tools));
        Assert.Equal("tool_calls", (string?)json["choices"]![0]!["finish_reason"]);
        return json["choices"]![0]!["message"]!["tool_calls"]![0]!;
    }

    private static async Task<JsonNode> NextAsync(HttpClient client, JsonArray messages)
    {
        var json = await PostJsonAsync(client, Chat, Request(messages, SearchTool, CalculateTool, ClockTool));
        Assert.Equal("tool_calls", (string?)json["choices"]![0]!["finish_reason"]);
        return json["choices"]![0]!["message"]!["tool_calls"]![0]!;
    }

    private static string Request(JsonArray messages, params string[] tools) =>
        $$"""{"model":"gpt-x","messages":{{messages.ToJsonString()}},"tools":[{{string.Join(",", tools)}}]}""";

    private static JsonObject User(string text) => new() { ["role"] = "user", ["content"] = text };

    private static JsonObject Assistant(JsonNode call) => new() { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = new JsonArray(call.DeepClone()) };

    private static JsonObject ToolResult(JsonNode call, string result) => new() { ["role"] = "tool", ["tool_call_id"] = (string?)call["id"], ["content"] = result };

    private static string? Name(JsonNode call) => (string?)call["function"]!["name"];

    private static string Arguments(JsonNode call) => Canon((string)call["function"]!["arguments"]!);

    /// <summary>The JSON in one spelling (the emulator escapes <c>+</c> as <c>\u002B</c>, as System.Text.Json does).</summary>
    private static string Canon(string json) => JsonNode.Parse(json)!.ToJsonString();
}
