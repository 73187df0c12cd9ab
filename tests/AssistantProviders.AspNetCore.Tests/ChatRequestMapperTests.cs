// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.AspNetCore.Internal;
using AssistantProviders.AspNetCore.Internal.Wire;
using Microsoft.Extensions.AI;

namespace AssistantProviders.AspNetCore.Tests;

/// <summary>The OpenAI request → MEAI mapping, without a server.</summary>
public sealed class ChatRequestMapperTests
{
    private static ChatCompletionRequest Parse(string json) => JsonSerializer.Deserialize(json, GatewayJsonContext.Default.ChatCompletionRequest)!;

    [Fact]
    public void Parts_BecomeMeaiContents_AndDeveloperIsSystem()
    {
        var request = Parse("""
            {"messages":[
              {"role":"developer","content":[{"type":"text","text":"Be "},{"type":"text","text":"brief."}]},
              {"role":"user","name":"ann","content":[
                {"type":"text","text":"Look"},
                {"type":"image_url","image_url":{"url":"https://example.com/cat.png","detail":"low"}},
                {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}},
                {"type":"input_audio","input_audio":{"data":"UklGRg==","format":"wav"}}]}]}
            """);

        var messages = ChatRequestMapper.MapMessages(request);

        messages[0].Role.ShouldBe(ChatRole.System);
        messages[0].Text.ShouldBe("Be brief.");
        messages[1].AuthorName.ShouldBe("ann");
        var contents = messages[1].Contents;
        contents[0].ShouldBeOfType<TextContent>().Text.ShouldBe("Look");
        var uri = contents[1].ShouldBeOfType<UriContent>();
        uri.Uri.ShouldBe(new Uri("https://example.com/cat.png"));
        uri.HasTopLevelMediaType("image").ShouldBeTrue();
        var png = contents[2].ShouldBeOfType<DataContent>();
        png.MediaType.ShouldBe("image/png");
        png.Data.ToArray().ShouldBe(Convert.FromBase64String("iVBORw0KGgo="));
        var wav = contents[3].ShouldBeOfType<DataContent>();
        wav.MediaType.ShouldBe("audio/wav");
        wav.Data.ToArray().ShouldBe("RIFF"u8.ToArray());
    }

    [Fact]
    public void Options_MapSchemaToolsToolChoiceStopAndTenant()
    {
        var request = Parse("""
            {"model":" groq/llama ","max_tokens":10,"max_completion_tokens":20,"stop":["a","b"],"seed":7,"top_p":0.9,
             "parallel_tool_calls":false,
             "response_format":{"type":"json_schema","json_schema":{"name":"answer","description":"d","schema":{"type":"object","properties":{"x":{"type":"integer"}}}}},
             "tools":[{"type":"function","function":{"name":"f","description":"does f"}}],
             "tool_choice":{"type":"function","function":{"name":"f"}},
             "messages":[{"role":"user","content":"Hi"}]}
            """);

        var options = ChatRequestMapper.MapOptions(request, "team-x");

        options.ModelId.ShouldBe("groq/llama");
        options.MaxOutputTokens.ShouldBe(20); // max_completion_tokens wins over the deprecated max_tokens
        options.StopSequences.ShouldBe(["a", "b"]);
        options.Seed.ShouldBe(7);
        options.TopP.ShouldBe(0.9f);
        options.AllowMultipleToolCalls.ShouldBe(false);
        var format = options.ResponseFormat.ShouldBeOfType<ChatResponseFormatJson>();
        format.SchemaName.ShouldBe("answer");
        format.Schema!.Value.GetProperty("properties").GetProperty("x").GetProperty("type").GetString().ShouldBe("integer");
        var tool = options.Tools.ShouldNotBeNull().ShouldHaveSingleItem().ShouldBeAssignableTo<AIFunctionDeclaration>()!;
        tool.Name.ShouldBe("f");
        tool.Description.ShouldBe("does f");
        options.ToolMode.ShouldBeOfType<RequiredChatToolMode>().RequiredFunctionName.ShouldBe("f");
        options.AdditionalProperties![AssistantProviderProperties.Tenant].ShouldBe("team-x");
    }

    [Theory]
    [InlineData("\"none\"", "none")]
    [InlineData("\"auto\"", "auto")]
    [InlineData("\"required\"", "required")]
    public void ToolChoice_Strings(string choice, string expected)
    {
        var options = ChatRequestMapper.MapOptions(Parse("{\"tool_choice\":" + choice + ",\"messages\":[]}"), "t");

        var mode = options.ToolMode.ShouldNotBeNull();
        (expected switch
        {
            "none" => mode is NoneChatToolMode,
            "auto" => mode is AutoChatToolMode,
            _ => mode is RequiredChatToolMode { RequiredFunctionName: null },
        }).ShouldBeTrue(mode.GetType().Name);
    }

    [Fact]
    public void AssistantToolCalls_AndToolResults_BecomeFunctionContents()
    {
        var request = Parse("""
            {"messages":[
              {"role":"assistant","content":"Let me check.","tool_calls":[{"id":"c1","type":"function","function":{"name":"get","arguments":"{\"n\":2,\"s\":\"x\"}"}}]},
              {"role":"tool","tool_call_id":"c1","content":"42"}]}
            """);

        var messages = ChatRequestMapper.MapMessages(request);

        messages[0].Text.ShouldBe("Let me check.");
        var call = messages[0].Contents.OfType<FunctionCallContent>().ShouldHaveSingleItem();
        call.CallId.ShouldBe("c1");
        call.Name.ShouldBe("get");
        ((JsonElement)call.Arguments!["n"]!).GetInt32().ShouldBe(2);
        ChatResponseMapper.ArgumentsJson(call.Arguments).ShouldBe("""{"n":2,"s":"x"}""");
        messages[1].Role.ShouldBe(ChatRole.Tool);
        var result = messages[1].Contents.ShouldHaveSingleItem().ShouldBeOfType<FunctionResultContent>();
        result.CallId.ShouldBe("c1");
        result.Result.ShouldBe("42");
    }

    [Fact]
    public void ArgumentsJson_WritesPlainDotNetValues()
    {
        var json = ChatResponseMapper.ArgumentsJson(new Dictionary<string, object?> { ["a"] = 1, ["b"] = "two", ["c"] = true, ["d"] = null, ["e"] = 2.5 });

        json.ShouldBe("""{"a":1,"b":"two","c":true,"d":null,"e":2.5}""");
    }
}
