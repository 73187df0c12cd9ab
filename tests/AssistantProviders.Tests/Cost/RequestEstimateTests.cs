// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Tests.Cost;

/// <summary>The reservation estimate counts everything the mapper sends, not only the messages.</summary>
public sealed class RequestEstimateTests
{
    private static readonly TokenEstimator Estimator = new(useTokenizer: false);

    [Fact]
    public void Instructions_are_counted_like_a_system_message()
    {
        List<ChatMessage> messages = [new(ChatRole.User, "hi")];
        var bare = Estimator.CountRequest(messages, null);

        var withInstructions = Estimator.CountRequest(messages, new ChatOptions { Instructions = new string('x', 45_000) });

        (withInstructions - bare).ShouldBe(TokenEstimator.PerMessageOverhead + 11_250);
    }

    [Fact]
    public void Tool_schemas_are_counted()
    {
        List<ChatMessage> messages = [new(ChatRole.User, "hi")];
        var tool = AIFunctionFactory.CreateDeclaration("lookup_" + new string('n', 40), new string('d', 400), JsonDocument.Parse("{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\",\"description\":\"" + new string('s', 4000) + "\"}}}").RootElement);

        var counted = Estimator.CountRequest(messages, new ChatOptions { Tools = [tool] }) - Estimator.CountRequest(messages, null);

        counted.ShouldBeGreaterThan(1_100); // name + 400-char description + 4 KB schema, at 4 characters a token
    }

    [Fact]
    public void Response_format_schema_is_counted()
    {
        List<ChatMessage> messages = [new(ChatRole.User, "hi")];
        var schema = JsonDocument.Parse("{\"type\":\"object\",\"description\":\"" + new string('s', 8000) + "\"}").RootElement;

        var counted = Estimator.CountRequest(messages, new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "answer") })
            - Estimator.CountRequest(messages, null);

        counted.ShouldBeGreaterThan(2_000);
    }

    [Fact]
    public void Images_count_a_high_detail_image_and_audio_scales_with_its_bytes()
    {
        var image = Estimator.CountMessages([new ChatMessage(ChatRole.User, [new DataContent(new byte[10], "image/png")])]);
        var imageUrl = Estimator.CountMessages([new ChatMessage(ChatRole.User, [new UriContent(new Uri("https://example.test/a.png"), "image/png")])]);
        var audio = Estimator.CountMessages([new ChatMessage(ChatRole.User, [new DataContent(new byte[4_000_000], "audio/wav")])]);

        image.ShouldBe(TokenEstimator.PerMessageOverhead + TokenEstimator.PerImagePart);
        imageUrl.ShouldBe(TokenEstimator.PerMessageOverhead + TokenEstimator.PerImagePart);
        audio.ShouldBe(TokenEstimator.PerMessageOverhead + (4_000_000 / TokenEstimator.AudioBytesPerToken));
    }

    [Fact]
    public void Request_accounting_estimates_the_options_too()
    {
        using var h = new AccountingHarness();
        List<ChatMessage> messages = [new(ChatRole.User, "hi")];

        ((IRequestAccounting)h.Accounting).EstimateInputTokens(messages, new ChatOptions { Instructions = new string('x', 4_000) })
            .ShouldBe(h.Accounting.EstimateInputTokens(messages) + TokenEstimator.PerMessageOverhead + 1_000);
    }

    [Fact]
    public void Null_accounting_counts_the_instructions()
    {
        List<ChatMessage> messages = [new(ChatRole.User, "hi")];

        NullRequestAccounting.Instance.EstimateInputTokens(messages, new ChatOptions { Instructions = new string('x', 400) })
            .ShouldBe(NullRequestAccounting.Instance.EstimateInputTokens(messages) + 100);
    }
}
