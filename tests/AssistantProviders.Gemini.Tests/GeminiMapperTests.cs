// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Nodes;
using AssistantProviders.Gemini.Internal;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Gemini.Tests;

public sealed class GeminiMapperTests
{
    [Fact]
    public void Schema_converter_keeps_only_the_Gemini_dialect()
    {
        var schema = JsonDocument.Parse("""
            {"$schema":"x","type":"object","additionalProperties":false,"title":"T","default":{},
             "properties":{
               "n":{"type":"integer","format":"int32","minimum":1},
               "opt":{"anyOf":[{"type":"number"},{"type":"null"}],"description":"d"},
               "c":{"const":"fixed"},
               "u":{"type":"string","format":"uri","pattern":"^h"},
               "o":{"type":"object","properties":{"x":{"type":"boolean"}}}}}
            """).RootElement;

        var converted = GeminiSchemaConverter.Convert(schema);

        VerbatimHttpHandler.AssertJsonEqual("""
            {"type":"OBJECT","properties":{
               "n":{"type":"INTEGER","format":"int32"},
               "opt":{"type":"NUMBER","description":"d","nullable":true},
               "c":{"type":"STRING","format":"enum","enum":["fixed"]},
               "u":{"type":"STRING"},
               "o":{"type":"OBJECT","properties":{"x":{"type":"BOOLEAN"}}}}}
            """, converted.GetRawText());
    }

    [Fact]
    public void A_function_without_parameters_sends_no_parameters()
    {
        var request = GeminiMapper.ToRequest(
            [new ChatMessage(ChatRole.User, "hi")],
            new ChatOptions { Tools = [AIFunctionFactory.CreateDeclaration("now", "Current time", JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement)], ToolMode = ChatToolMode.None });

        var declaration = request.Tools.ShouldHaveSingleItem().FunctionDeclarations.ShouldHaveSingleItem();
        declaration.Parameters.ShouldBeNull();
        request.ToolConfig!.FunctionCallingConfig!.Mode.ShouldBe("NONE");
    }

    [Fact]
    public void Parallel_results_in_separate_tool_messages_go_back_in_one_content()
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.User, "q"),
            new(ChatRole.Assistant, [new FunctionCallContent("a", "f1"), new FunctionCallContent("b", "f2")]),
            new(ChatRole.Tool, [new FunctionResultContent("a", 1)]),
            new(ChatRole.Tool, [new FunctionResultContent("b", "{\"ok\":true}")]),
        ];

        var request = GeminiMapper.ToRequest(messages, null);

        request.Contents.Count.ShouldBe(3);
        var results = request.Contents[2].Parts!.Select(p => p.FunctionResponse!).ToList();
        results.Select(r => r.Name).ShouldBe(["f1", "f2"]);
        results[0].Response.GetRawText().ShouldBe("""{"result":1}""");
        results[1].Response.GetProperty("ok").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void Partial_args_paths_build_nested_values_and_append_strings()
    {
        var root = new JsonObject();
        GeminiStreamState.Apply(root, new GeminiPartialArg { JsonPath = "$.trip.stops[0].city", StringValue = "Bos" });
        GeminiStreamState.Apply(root, new GeminiPartialArg { JsonPath = "$.trip.stops[0].city", StringValue = "ton" });
        GeminiStreamState.Apply(root, new GeminiPartialArg { JsonPath = "$.trip.days", NumberValue = 3 });
        GeminiStreamState.Apply(root, new GeminiPartialArg { JsonPath = "$.trip.flex", BoolValue = true });

        VerbatimHttpHandler.AssertJsonEqual("""{"trip":{"stops":[{"city":"Boston"}],"days":3,"flex":true}}""", root.ToJsonString());
    }

    [Fact]
    public void Usage_without_counts_is_ignored()
    {
        GeminiMapper.ToUsage(new GeminiUsageMetadata()).ShouldBeNull();
        GeminiMapper.ToUsage(new GeminiUsageMetadata { PromptTokenCount = 10, CandidatesTokenCount = 2, CachedContentTokenCount = 4 })!
            .CachedInputTokenCount.ShouldBe(4);
    }
}
