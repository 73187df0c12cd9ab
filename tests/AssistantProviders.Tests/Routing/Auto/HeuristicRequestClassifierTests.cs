// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Routing;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Tests.Routing.Auto;

/// <summary>The default classifier's points, tiers, reasons and hints, one signal at a time and combined.</summary>
public sealed class HeuristicRequestClassifierTests
{
    private static readonly HeuristicRequestClassifier Classifier = new();

    private static RequestClassification Classify(string text, ChatOptions? options = null, HeuristicRequestClassifier? classifier = null) =>
        (classifier ?? Classifier).Classify([new ChatMessage(ChatRole.User, text)], options);

    private static AITool Tool(string name) => AIFunctionFactory.Create(() => name, name);

    [Fact]
    public void A_short_plain_request_is_simple_with_no_reasons()
    {
        var result = Classify("What is the capital of France?");

        result.Tier.ShouldBe(RequestTiers.Simple);
        result.Classifier.ShouldBe("heuristic");
        result.Score.ShouldBe(0d);
        result.Reasons.ShouldBeEmpty();
        result.ToString().ShouldBe("tier simple by heuristic (score 0)");
    }

    [Fact]
    public void A_code_block_alone_is_medium_and_with_a_long_input_complex()
    {
        Classify("Fix this:\n```cs\nvar x = 1;\n```").ShouldSatisfyAllConditions(
            r => r.Tier.ShouldBe(RequestTiers.Medium),
            r => r.Score.ShouldBe(2d),
            r => r.Reasons.ShouldBe(["code block"]));

        var longCode = "```py\n" + new string('x', 8_000) + "\n```";
        var result = Classify(longCode);
        result.Tier.ShouldBe(RequestTiers.Complex);
        result.Score.ShouldBe(4d);
        result.Reasons.ShouldBe(["long input", "code block"]);
        result.ToString().ShouldBe("tier complex by heuristic (score 4: long input, code block)");
    }

    [Theory]
    [InlineData(7_996, 0d)] // 1,999 tokens
    [InlineData(8_000, 2d)] // 2,000 tokens: long
    [InlineData(31_996, 2d)]
    [InlineData(32_000, 4d)] // 8,000 tokens: very long
    public void The_input_length_counts_from_the_thresholds(int characters, double expected) =>
        Classify(new string('a', characters)).Score.ShouldBe(expected);

    [Fact]
    public void Instructions_count_toward_the_input_length()
    {
        Classify("hi", new ChatOptions { Instructions = new string('a', 8_000) }).Reasons.ShouldBe(["long input"]);
    }

    [Theory]
    [InlineData("Simplify \\frac{a}{b}")]
    [InlineData("Solve $$x^2 = 4$$")]
    [InlineData("Is ∑ 1/n finite?")]
    [InlineData("Show that x ≤ y")]
    public void Math_notation_gives_two_points(string text)
    {
        var result = Classify(text);
        result.Score.ShouldBe(2d);
        result.Reasons.ShouldBe(["math"]);
    }

    [Fact]
    public void Tools_give_one_point_and_five_or_more_give_two()
    {
        Classify("hi", new ChatOptions { Tools = [Tool("a")] }).ShouldSatisfyAllConditions(
            r => r.Score.ShouldBe(1d),
            r => r.Reasons.ShouldBe(["tool definitions"]),
            r => r.Tier.ShouldBe(RequestTiers.Simple));
        Classify("hi", new ChatOptions { Tools = [Tool("a"), Tool("b"), Tool("c"), Tool("d")] }).Score.ShouldBe(1d);
        Classify("hi", new ChatOptions { Tools = [Tool("a"), Tool("b"), Tool("c"), Tool("d"), Tool("e")] }).ShouldSatisfyAllConditions(
            r => r.Score.ShouldBe(2d),
            r => r.Reasons.ShouldBe(["many tool definitions"]),
            r => r.Tier.ShouldBe(RequestTiers.Medium));
    }

    [Fact]
    public void Images_and_audio_give_a_point_each()
    {
        var message = new ChatMessage(ChatRole.User, [new TextContent("what is this?"), new DataContent(new byte[] { 1 }, "image/png"), new UriContent(new Uri("https://example.test/a.mp3"), "audio/mpeg")]);

        var result = Classifier.Classify([message], null);

        result.Score.ShouldBe(2d);
        result.Reasons.ShouldBe(["image input", "audio input"]);
        Classifier.Classify([new ChatMessage(ChatRole.User, [new UriContent(new Uri("https://example.test/a.png"), "image/png")])], null).Reasons.ShouldBe(["image input"]);
    }

    [Fact]
    public void Conversation_depth_counts_from_six_and_twenty_messages()
    {
        static List<ChatMessage> Turns(int n) => [.. Enumerable.Range(0, n).Select(i => new ChatMessage(i % 2 == 0 ? ChatRole.User : ChatRole.Assistant, "ok"))];

        Classifier.Classify(Turns(5), null).Score.ShouldBe(0d);
        Classifier.Classify(Turns(6), null).Reasons.ShouldBe(["long conversation"]);
        Classifier.Classify(Turns(19), null).Score.ShouldBe(1d);
        Classifier.Classify(Turns(20), null).ShouldSatisfyAllConditions(r => r.Score.ShouldBe(2d), r => r.Reasons.ShouldBe(["very long conversation"]));
    }

    [Theory]
    [InlineData("Prove that there are infinitely many primes.")]
    [InlineData("Explain it step by step")]
    [InlineData("DERIVE the formula")]
    [InlineData("Give a rigorous argument")]
    public void A_request_for_reasoning_is_the_reasoning_tier(string text)
    {
        var result = Classify(text);
        result.Tier.ShouldBe(RequestTiers.Reasoning);
        result.Reasons.ShouldBe(["reasoning request"]);
    }

    [Fact]
    public void Only_the_last_user_message_can_ask_for_reasoning()
    {
        var messages = new List<ChatMessage> { new(ChatRole.User, "prove it step by step"), new(ChatRole.Assistant, "done"), new(ChatRole.User, "thanks") };
        Classifier.Classify(messages, null).Tier.ShouldBe(RequestTiers.Simple);
        Classifier.Classify([new ChatMessage(ChatRole.Assistant, "step by step")], null).Tier.ShouldBe(RequestTiers.Simple);
    }

    [Theory]
    [InlineData(ReasoningEffort.Medium, RequestTiers.Reasoning)]
    [InlineData(ReasoningEffort.High, RequestTiers.Reasoning)]
    [InlineData(ReasoningEffort.ExtraHigh, RequestTiers.Reasoning)]
    [InlineData(ReasoningEffort.Low, RequestTiers.Simple)]
    [InlineData(ReasoningEffort.None, RequestTiers.Simple)]
    public void A_reasoning_effort_of_medium_or_more_is_the_reasoning_tier(ReasoningEffort effort, string tier)
    {
        var result = Classify("hi", new ChatOptions { Reasoning = new ReasoningOptions { Effort = effort } });
        result.Tier.ShouldBe(tier);
        if (tier == RequestTiers.Reasoning)
        {
            result.Reasons.ShouldBe(["reasoning effort"]);
        }
    }

    [Fact]
    public void A_tier_hint_wins_over_every_signal()
    {
        var options = new ChatOptions { AdditionalProperties = new() { [AssistantProviderProperties.Tier] = " vision " } };

        var result = Classify("prove it step by step ```code```", options);

        result.Tier.ShouldBe("vision");
        result.Classifier.ShouldBe("hint");
        result.Reasons.ShouldBe(["tier hint"]);
    }

    [Fact]
    public void The_thresholds_come_from_the_options()
    {
        var strict = new HeuristicRequestClassifier(new AutoRoutingOptions { MediumScore = 1, ComplexScore = 2, LongInputTokens = 10 });

        Classify("hi", new ChatOptions { Tools = [Tool("a")] }, strict).Tier.ShouldBe(RequestTiers.Medium);
        Classify(new string('a', 40), classifier: strict).ShouldSatisfyAllConditions(r => r.Tier.ShouldBe(RequestTiers.Complex), r => r.Reasons.ShouldBe(["long input"]));
        Classify(new string('a', 160), classifier: strict).Reasons.ShouldBe(["very long input"]);
    }

    [Fact]
    public async Task The_asynchronous_call_gives_the_same_answer_and_honours_cancellation()
    {
        var messages = new List<ChatMessage> { new(ChatRole.User, "```x```") };
        var result = await Classifier.ClassifyAsync(messages, null, CancellationToken.None);
        result.Tier.ShouldBe(Classifier.Classify(messages, null).Tier);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(async () => await Classifier.ClassifyAsync(messages, null, cancelled.Token));
        Should.Throw<ArgumentNullException>(() => Classifier.Classify(null!, null));
    }

    [Fact]
    public void A_classification_refuses_blank_names()
    {
        Should.Throw<ArgumentException>(() => new RequestClassification(" ", "x", 0, []));
        Should.Throw<ArgumentException>(() => new RequestClassification("simple", "", 0, []));
        Should.Throw<ArgumentNullException>(() => new RequestClassification("simple", "x", 0, null!));
    }
}
