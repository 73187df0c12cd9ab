// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Routing;
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Tests.Routing.Auto;

/// <summary>The semantic classifier: nearest examples above the threshold, its fallbacks, and its registration from configuration.</summary>
public sealed class SemanticRequestClassifierTests
{
    private static SemanticClassifierOptions Options(double threshold = 0.75, string? defaultTier = null, string? model = null) => new()
    {
        Threshold = threshold,
        DefaultTier = defaultTier,
        Model = model,
        Examples = new(StringComparer.OrdinalIgnoreCase)
        {
            [RequestTiers.Reasoning] = ["prove the theorem", "  "],
            [RequestTiers.Simple] = ["hello weather"],
        },
    };

    private static readonly KeywordEmbeddings Shared = new("prove", "theorem", "hello", "weather", "recipe");

    private static List<ChatMessage> Ask(string text) => [new(ChatRole.System, "prove theorem"), new(ChatRole.User, text), new(ChatRole.Assistant, "ok")];

    [Fact]
    public async Task The_tier_of_the_most_similar_examples_wins_above_the_threshold_with_each_tiers_score()
    {
        var embeddings = new KeywordEmbeddings("prove", "theorem", "hello", "weather", "recipe");
        using var classifier = new SemanticRequestClassifier(embeddings, Options(), new HeuristicRequestClassifier());

        var result = await classifier.ClassifyAsync(Ask("Please prove this theorem"), null, CancellationToken.None);

        result.Tier.ShouldBe(RequestTiers.Reasoning);
        result.Classifier.ShouldBe("semantic");
        result.Score.ShouldBe(1d);
        result.Reasons.ShouldBe(["closest to the 'reasoning' examples"]);
        result.TierScores.ShouldNotBeNull()[RequestTiers.Simple].ShouldBe(0d);
        result.TierScores![RequestTiers.Reasoning].ShouldBe(1d, 1e-6);

        (await classifier.ClassifyAsync(Ask("hello, what is the weather"), null, CancellationToken.None)).Tier.ShouldBe(RequestTiers.Simple);
        embeddings.Calls.ShouldBe(3, "the examples are embedded once, then one call per message");
        embeddings.Texts.ShouldBe(4, "blank examples are left out");
    }

    [Fact]
    public async Task Below_the_threshold_the_heuristic_decides_and_says_why()
    {
        using var classifier = new SemanticRequestClassifier(Shared, Options(threshold: 0.9), new HeuristicRequestClassifier());

        var result = await classifier.ClassifyAsync(Ask("prove it with a recipe ```code```"), null, CancellationToken.None);

        result.Classifier.ShouldBe("heuristic");
        result.Tier.ShouldBe(RequestTiers.Reasoning, "the heuristic sees 'prove '");
        result.Reasons[0].ShouldBe("best similarity 0.5 below 0.9");
        result.TierScores.ShouldNotBeNull().Count.ShouldBe(2);
    }

    [Fact]
    public async Task Below_the_threshold_a_default_tier_applies_when_set()
    {
        using var classifier = new SemanticRequestClassifier(Shared, Options(defaultTier: RequestTiers.Medium), new HeuristicRequestClassifier());

        var result = await classifier.ClassifyAsync(Ask("a recipe"), null, CancellationToken.None);

        result.Tier.ShouldBe(RequestTiers.Medium);
        result.Reasons.ShouldBe(["best similarity 0 below 0.75", "default tier"]);
    }

    [Fact]
    public async Task A_failing_generator_or_vectors_from_another_model_fall_back_to_the_heuristic()
    {
        var failing = new KeywordEmbeddings("prove") { Throw = new HttpRequestException("down") };
        using var broken = new SemanticRequestClassifier(failing, Options(), new HeuristicRequestClassifier());
        (await broken.ClassifyAsync(Ask("hi"), null, CancellationToken.None)).Reasons.ShouldBe(["semantic classifier unavailable (HttpRequestException)"]);
        failing.Throw = null;
        (await broken.ClassifyAsync(Ask("prove theorem"), null, CancellationToken.None)).Classifier.ShouldBe("semantic", "the examples are embedded again after a failure");

        using var mixed = new SemanticRequestClassifier(new KeywordEmbeddings("prove"), Options(), new HeuristicRequestClassifier());
        (await mixed.ClassifyAsync(Ask("prove " + KeywordEmbeddings.OtherModelMarker), null, CancellationToken.None)).Reasons[0].ShouldBe("message and examples embedded by different models");
    }

    [Fact]
    public async Task No_user_text_or_a_tier_hint_goes_to_the_fallback_and_cancellation_surfaces()
    {
        var embeddings = new KeywordEmbeddings("prove");
        using var classifier = new SemanticRequestClassifier(embeddings, Options(), new HeuristicRequestClassifier());

        (await classifier.ClassifyAsync([new ChatMessage(ChatRole.Assistant, "prove")], null, CancellationToken.None)).Reasons.ShouldBe(["no user text to compare"]);
        var hint = new ChatOptions { AdditionalProperties = new() { [AssistantProviderProperties.Tier] = "complex" } };
        (await classifier.ClassifyAsync(Ask("prove"), hint, CancellationToken.None)).Classifier.ShouldBe("hint");
        embeddings.Calls.ShouldBe(0);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        embeddings.Throw = new OperationCanceledException(cancelled.Token);
        await Should.ThrowAsync<OperationCanceledException>(async () => await classifier.ClassifyAsync(Ask("prove"), null, cancelled.Token));
    }

    [Fact]
    public async Task The_configured_model_is_asked_for()
    {
        var embeddings = new KeywordEmbeddings("prove", "theorem", "hello", "weather");
        using var classifier = new SemanticRequestClassifier(embeddings, Options(model: "emb/small"), new HeuristicRequestClassifier());

        (await classifier.ClassifyAsync(Ask("prove theorem"), null, CancellationToken.None)).Tier.ShouldBe(RequestTiers.Reasoning);
    }

    [Fact]
    public void Examples_in_configuration_register_the_semantic_classifier_over_the_routed_embeddings()
    {
        using var plain = new RouterHarness();
        plain.Provider.GetRequiredService<IRequestClassifier>().ShouldBeOfType<HeuristicRequestClassifier>();

        using var semantic = new RouterHarness(o => o.Auto.Semantic.Examples[RequestTiers.Simple] = ["hello"]);
        semantic.Provider.GetRequiredService<IRequestClassifier>().ShouldBeOfType<SemanticRequestClassifier>();
    }

    [Fact]
    public async Task Through_the_router_the_examples_are_embedded_by_the_routed_embedding_generator()
    {
        using var harness = new RouterHarness(o =>
        {
            o.Strategy = RoutingStrategy.Auto;
            o.Auto.Semantic.Examples[RequestTiers.Reasoning] = ["prove"];
            o.Auto.Semantic.Threshold = 0.5;
            o.Auto.Tiers[RequestTiers.Reasoning] = ["b"];
        });
        var a = harness.Add("a");
        harness.Add("b");

        var response = await harness.Chat.GetResponseAsync("anything");

        // The fake embeds every text as (1, 2, 3): similarity 1 with the example.
        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
        a.Embeddings.Calls.ShouldBe(2, "the examples, then the message, through the embedding router (first route: a)");
        ((RouteExplanation)response.AdditionalProperties[AssistantProviderProperties.RouteExplanation]!).Classification!.Classifier.ShouldBe("semantic");
    }
}
