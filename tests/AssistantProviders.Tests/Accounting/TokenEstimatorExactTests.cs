// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Tests.Accounting;

/// <summary>
/// Exact counts of <see cref="TokenEstimator"/> with the heuristic (characters / 4, rounded up): messages, every content kind,
/// instructions, tools, schemas, images and audio, and the boundaries. Expected values are written out, not taken from the
/// estimator's constants: 4 per message, 8 per tool, 1600 per image, 256 per other non-text part, 400 audio bytes per token.
/// </summary>
public sealed class TokenEstimatorExactTests
{
    private static readonly TokenEstimator Heuristic = new(useTokenizer: false);

    private static long One(params AIContent[] contents) => Heuristic.CountMessages([new ChatMessage(ChatRole.User, [.. contents])]);

    [Theory]
    [InlineData(-5, 0)]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 1)]
    [InlineData(5, 2)]
    [InlineData(8, 2)]
    [InlineData(9, 3)]
    [InlineData(400, 100)]
    public void Heuristic_is_characters_over_four_rounded_up(int characters, long tokens) =>
        TokenEstimator.Heuristic(characters).ShouldBe(tokens);

    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("a", 1)]
    [InlineData("abcd", 1)]
    [InlineData("abcde", 2)]
    public void CountText_without_tokenizer(string? text, long tokens) => Heuristic.CountText(text).ShouldBe(tokens);

    [Fact]
    public void Without_tokenizer_none_is_used() => Heuristic.UsesTokenizer.ShouldBeFalse();

    [Fact]
    public void With_tokenizer_the_o200k_encoding_counts_real_tokens()
    {
        var estimator = new TokenEstimator();
        estimator.UsesTokenizer.ShouldBeTrue(); // Microsoft.ML.Tokenizers.Data.O200kBase ships with the engine
        estimator.CountText("hello world").ShouldBe(2); // the heuristic would say 3
        estimator.CountText(string.Empty).ShouldBe(0);
    }

    [Fact]
    public void No_messages_is_zero() => Heuristic.CountMessages([]).ShouldBe(0);

    [Fact]
    public void Null_messages_throw() => Should.Throw<ArgumentNullException>(() => Heuristic.CountMessages(null!));

    [Fact]
    public void An_empty_message_is_its_framing() => One().ShouldBe(4);

    [Fact]
    public void Messages_add_up_with_four_each()
    {
        var tokens = Heuristic.CountMessages([new ChatMessage(ChatRole.System, "abcdefgh"), new ChatMessage(ChatRole.User, "abcde"), new ChatMessage(ChatRole.Assistant, "a")]);
        tokens.ShouldBe(4 + 2 + 4 + 2 + 4 + 1);
    }

    [Fact]
    public void Text_and_reasoning() => One(new TextContent("abcd"), new TextReasoningContent("abcdefghi")).ShouldBe(4 + 1 + 3);

    [Fact]
    public void Function_call_counts_the_name_and_each_argument_as_key_space_value_joined_by_spaces()
    {
        // "lookup" = 2; "a xyz b w" (9 characters) = 3.
        One(new FunctionCallContent("c1", "lookup", new Dictionary<string, object?> { ["a"] = "xyz", ["b"] = "w" })).ShouldBe(4 + 2 + 3);
    }

    [Fact]
    public void Function_call_without_arguments_counts_the_name() => One(new FunctionCallContent("c1", "abcde")).ShouldBe(4 + 2);

    [Fact]
    public void Function_result_counts_its_text() => One(new FunctionResultContent("c1", "abcdefghi")).ShouldBe(4 + 3);

    [Fact]
    public void Function_result_without_a_result_is_free() => One(new FunctionResultContent("c1", null)).ShouldBe(4);

    [Fact]
    public void Usage_content_is_free() => One(new UsageContent(new UsageDetails { InputTokenCount = 5 })).ShouldBe(4);

    [Fact]
    public void Images_count_1600_inline_or_by_url()
    {
        One(new DataContent(new byte[10], "image/png")).ShouldBe(4 + 1600);
        One(new UriContent(new Uri("https://example.test/a.png"), "image/png")).ShouldBe(4 + 1600);
    }

    [Fact]
    public void Other_parts_count_256()
    {
        One(new DataContent(new byte[100_000], "application/pdf")).ShouldBe(4 + 256);
        One(new UriContent(new Uri("https://example.test/a.wav"), "audio/wav")).ShouldBe(4 + 256);
        One(new UriContent(new Uri("https://example.test/a.pdf"), "application/pdf")).ShouldBe(4 + 256);
    }

    [Theory]
    [InlineData(0, 256)]
    [InlineData(4_000, 256)]
    [InlineData(102_399, 256)]
    [InlineData(102_400, 256)]
    [InlineData(102_800, 257)]
    [InlineData(120_000, 300)]
    [InlineData(4_000_000, 10_000)]
    public void Audio_counts_a_token_per_400_bytes_and_at_least_256(int bytes, long tokens) =>
        One(new DataContent(new byte[bytes], "audio/wav")).ShouldBe(4 + tokens);

    [Fact]
    public void Parts_of_one_message_add_up() =>
        One(new TextContent("abcd"), new DataContent(new byte[1], "image/jpeg"), new DataContent(new byte[1], "application/zip")).ShouldBe(4 + 1 + 1600 + 256);

    [Fact]
    public void Request_without_options_is_the_messages() =>
        Heuristic.CountRequest([new ChatMessage(ChatRole.User, "abcde")], null).ShouldBe(4 + 2);

    [Fact]
    public void Empty_options_add_nothing() =>
        Heuristic.CountRequest([new ChatMessage(ChatRole.User, "abcde")], new ChatOptions { Instructions = string.Empty, Tools = [] }).ShouldBe(4 + 2);

    [Fact]
    public void Instructions_count_as_a_message() =>
        Heuristic.CountRequest([new ChatMessage(ChatRole.User, "abcde")], new ChatOptions { Instructions = "abcdefghi" }).ShouldBe(4 + 2 + 4 + 3);

    [Fact]
    public void A_function_tool_counts_framing_name_description_and_schema()
    {
        var schema = JsonDocument.Parse("""{"type":"object"}""").RootElement; // 17 characters = 5
        var tool = AIFunctionFactory.CreateDeclaration("abcd", "abcdefgh", schema);

        Heuristic.CountRequest([], new ChatOptions { Tools = [tool] }).ShouldBe(8 + 1 + 2 + 5);
    }

    [Fact]
    public void A_function_tool_counts_its_return_schema_too()
    {
        var schema = JsonDocument.Parse("""{"type":"object"}""").RootElement; // 5
        var returns = JsonDocument.Parse("""{"type":"string","x":1}""").RootElement; // 23 characters = 6
        var tool = AIFunctionFactory.CreateDeclaration("abcd", "abcdefgh", schema, returns);

        Heuristic.CountRequest([], new ChatOptions { Tools = [tool] }).ShouldBe(8 + 1 + 2 + 5 + 6);
    }

    [Fact]
    public void A_non_function_tool_counts_framing_name_and_description()
    {
        Heuristic.CountRequest([], new ChatOptions { Tools = [new NamedTool("abcde", "abcdefghi")] }).ShouldBe(8 + 2 + 3);
        Heuristic.CountRequest([], new ChatOptions { Tools = [new NamedTool("abcd", string.Empty)] }).ShouldBe(8 + 1);
    }

    [Fact]
    public void Every_tool_counts()
    {
        Heuristic.CountRequest([], new ChatOptions { Tools = [new NamedTool("abcd", "abcd"), new NamedTool("abcdefgh", "a")] })
            .ShouldBe((8 + 1 + 1) + (8 + 2 + 1));
    }

    [Fact]
    public void A_json_schema_response_format_counts_name_description_and_schema()
    {
        var schema = JsonDocument.Parse("""{"type":"object"}""").RootElement; // 5
        var format = ChatResponseFormat.ForJsonSchema(schema, "abcd", "abcdefgh");

        Heuristic.CountRequest([], new ChatOptions { ResponseFormat = format }).ShouldBe(1 + 2 + 5);
    }

    [Fact]
    public void Plain_json_and_text_response_formats_add_nothing()
    {
        Heuristic.CountRequest([], new ChatOptions { ResponseFormat = ChatResponseFormat.Json }).ShouldBe(0);
        Heuristic.CountRequest([], new ChatOptions { ResponseFormat = ChatResponseFormat.Text }).ShouldBe(0);
    }

    [Fact]
    public void Everything_together_adds_up()
    {
        var schema = JsonDocument.Parse("""{"type":"object"}""").RootElement; // 5
        var options = new ChatOptions
        {
            Instructions = "abcd",
            Tools = [AIFunctionFactory.CreateDeclaration("abcd", "abcd", schema)],
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "abcd"),
        };

        Heuristic.CountRequest([new ChatMessage(ChatRole.User, "abcd")], options).ShouldBe((4 + 1) + (4 + 1) + (8 + 1 + 1 + 5) + (1 + 5));
    }

    private sealed class NamedTool(string name, string description) : AITool
    {
        public override string Name => name;

        public override string Description => description;
    }
}
