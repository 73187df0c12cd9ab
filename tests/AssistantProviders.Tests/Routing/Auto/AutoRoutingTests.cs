// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using AssistantProviders.Routing;
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Tests.Routing.Auto;

/// <summary>
/// <see cref="RoutingStrategy.Auto"/> through the chat router: the tier's pool first (cheapest inside it), failover to the
/// next tier up (down when budgets fall back to cheaper routes), compliance filters first, the explanation, hints, custom and
/// failing classifiers, and operations that are not chat.
/// </summary>
public sealed class AutoRoutingTests
{
    private const string LongCode = "```cs\nvar x = 1;\n```";

    private static readonly string Complex = LongCode + new string('a', 8_000);

    private static RouterHarness Harness(Action<RoutingOptions>? configure = null, IConfiguration? configuration = null)
    {
        var harness = new RouterHarness(
            o =>
            {
                o.Strategy = RoutingStrategy.Auto;
                o.MaxRetriesPerRoute = 0;
                o.Auto.Tiers[RequestTiers.Simple] = ["mini"];
                o.Auto.Tiers[RequestTiers.Medium] = ["mid"];
                o.Auto.Tiers[RequestTiers.Complex] = ["big", "large"];
                o.Auto.Tiers[RequestTiers.Reasoning] = ["thinker"];
                configure?.Invoke(o);
            },
            configuration);
        foreach (var id in new[] { "thinker", "big", "large", "mid", "mini" })
        {
            harness.Add(id, defaultModel: id + "-model");
        }

        harness.Accounting.Prices["big/big-model"] = 0.02m;
        harness.Accounting.Prices["large/large-model"] = 0.01m;
        return harness;
    }

    private static string Provider(ChatResponse response) => (string)response.AdditionalProperties![AssistantProviderProperties.Provider]!;

    private static RouteExplanation Explanation(ChatResponse response) => (RouteExplanation)response.AdditionalProperties![AssistantProviderProperties.RouteExplanation]!;

    [Fact]
    public async Task A_simple_request_goes_to_the_simple_pool_and_the_explanation_shows_the_tier()
    {
        using var harness = Harness();

        var response = await harness.Chat.GetResponseAsync("hi");

        Provider(response).ShouldBe("mini");
        var explanation = Explanation(response);
        explanation.Strategy.ShouldBe(RoutingStrategy.Auto);
        explanation.Classification.ShouldNotBeNull().Tier.ShouldBe(RequestTiers.Simple);
        explanation.ToString().ShouldStartWith("chat via Auto (tier simple by heuristic (score 0)): selected mini/mini-model");
        explanation.Decisions.ShouldContain(d => d.Provider == "mini" && d.Reason.StartsWith("eligible, rank 1 (tier 'simple' pool", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_complex_request_goes_to_the_cheapest_route_of_the_complex_pool_with_its_reasons()
    {
        using var harness = Harness();

        var response = await harness.Chat.GetResponseAsync(Complex);

        Provider(response).ShouldBe("large");
        var classification = Explanation(response).Classification.ShouldNotBeNull();
        classification.Tier.ShouldBe(RequestTiers.Complex);
        classification.Reasons.ShouldBe(["long input", "code block"]);
        Explanation(response).Decisions.First(d => d.Eligible && d.Provider == "large").Reason.ShouldContain("tier 'complex' pool, estimated 0.01 USD");
    }

    [Fact]
    public async Task Failover_leaves_the_tier_for_the_next_tier_up_then_down()
    {
        using var harness = Harness(o => o.MaxAttempts = 5);
        var order = new List<string>();
        foreach (var id in new[] { "big", "large", "thinker" })
        {
            var provider = id;
            harness.Provider.GetRequiredKeyedService<IChatClient>(id).ShouldBeOfType<FakeChatClient>().Respond = (_, _, _) =>
            {
                order.Add(provider);
                throw new HttpRequestException("boom", null, HttpStatusCode.InternalServerError);
            };
        }

        var response = await harness.Chat.GetResponseAsync(Complex);

        order.ShouldBe(["large", "big", "thinker"]);
        Provider(response).ShouldBe("mid");
        Explanation(response).Decisions.ShouldContain(d => d.Provider == "thinker" && d.Reason.Contains("fallback: tier 'reasoning' pool", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_budgets_falling_back_to_cheaper_routes_failover_moves_down_a_tier_first()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AssistantProviders:Budgets:OnExceeded"] = "FallbackToCheaper" }).Build();
        using var harness = Harness(o => o.MaxAttempts = 5, configuration);
        harness.Add("nothing"); // A route in no pool comes last.
        var ranked = Explanation(await harness.Chat.GetResponseAsync(Complex)).Decisions.Where(d => d.Eligible && d.Reason.StartsWith("eligible", StringComparison.Ordinal)).Select(d => d.Provider).ToList();

        ranked.ShouldBe(["large", "big", "mid", "thinker", "mini", "nothing"]);
    }

    [Fact]
    public async Task A_route_the_budget_cannot_afford_is_skipped_for_the_next_tier()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AssistantProviders:Budgets:OnExceeded"] = "FallbackToCheaper" }).Build();
        using var harness = Harness(configuration: configuration);
        harness.Accounting.OverBudget.Add("big");
        harness.Accounting.OverBudget.Add("large");

        var response = await harness.Chat.GetResponseAsync(Complex);

        Provider(response).ShouldBe("mid");
    }

    [Fact]
    public async Task Compliance_filters_first_so_a_sensitive_request_never_reaches_a_non_compliant_pool()
    {
        using var harness = new RouterHarness(o =>
        {
            o.Strategy = RoutingStrategy.Auto;
            o.Auto.Tiers[RequestTiers.Complex] = ["cloud"];
            o.Auto.Tiers[RequestTiers.Reasoning] = ["cloud-eu"];
            o.Auto.Tiers[RequestTiers.Simple] = ["home"];
        });
        var cloud = harness.Add("cloud");
        var cloudEu = harness.Add("cloud-eu", tags: ["soc2"]);
        harness.Add("home", locality: ProviderLocality.Local, tags: ["local"]);
        var options = new ChatOptions { AdditionalProperties = new() { [AssistantProviderProperties.DataClass] = "Pii" } };

        var response = await harness.Chat.GetResponseAsync(Complex, options);

        Provider(response).ShouldBe("home");
        cloud.Chat.Calls.ShouldBe(0);
        cloudEu.Chat.Calls.ShouldBe(0);
        Explanation(response).Decisions.ShouldContain(d => d.Provider == "cloud" && !d.Eligible && d.Reason.Contains("data class 'Pii'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pooled_model_the_provider_does_not_list_becomes_a_route_when_no_model_is_asked_for()
    {
        using var harness = new RouterHarness(o =>
        {
            o.Strategy = RoutingStrategy.Auto;
            o.Auto.Tiers[RequestTiers.Simple] = ["a/special-model", "a/a-model", "ghost/model", "a/"];
        });
        var a = harness.Add("a", defaultModel: "a-model");
        harness.Accounting.Prices["a/a-model"] = 0.01m;
        harness.Accounting.Prices["a/special-model"] = 0.001m;

        var response = await harness.Chat.GetResponseAsync("hi");

        a.Chat.ReceivedOptions.ShouldHaveSingleItem()!.ModelId.ShouldBe("special-model");
        response.ModelId.ShouldBe("special-model");
        Explanation(response).Decisions.Count(d => d.Provider == "a" && d.Eligible && d.Reason.StartsWith("eligible", StringComparison.Ordinal)).ShouldBe(2, "the default model is not added twice");
    }

    [Fact]
    public async Task A_tier_hint_and_a_per_request_strategy_pick_the_pool()
    {
        using var harness = Harness(o => o.Strategy = RoutingStrategy.Priority);
        var hinted = new ChatOptions
        {
            AdditionalProperties = new() { [AssistantProviderProperties.Strategy] = "Auto", [AssistantProviderProperties.Tier] = "reasoning" },
        };

        Provider(await harness.Chat.GetResponseAsync("hi", hinted)).ShouldBe("thinker");
        Provider(await harness.Chat.GetResponseAsync("hi")).ShouldBe("thinker", "Priority: the first provider added");
    }

    [Fact]
    public async Task A_custom_classifier_from_DI_can_return_its_own_tier()
    {
        using var harness = Harness(o => o.Auto.Tiers["vision"] = ["big"]);
        var classifier = new ScriptedClassifier(new RequestClassification("vision", "mine", 0.9, ["looks at pictures"]));
        harness.Services.AddSingleton<IRequestClassifier>(classifier);

        var response = await harness.Chat.GetResponseAsync("hi");

        Provider(response).ShouldBe("big");
        classifier.Calls.ShouldBe(1);
        Explanation(response).Classification!.Classifier.ShouldBe("mine");
    }

    [Fact]
    public async Task A_failing_classifier_is_logged_and_the_heuristic_decides()
    {
        using var harness = Harness();
        harness.Services.AddSingleton<IRequestClassifier>(new ScriptedClassifier(null));

        var response = await harness.Chat.GetResponseAsync(Complex);

        Provider(response).ShouldBe("large");
        var classification = Explanation(response).Classification!;
        classification.Classifier.ShouldBe("heuristic");
        classification.Reasons.ShouldBe(["classifier failed (InvalidOperationException)", "long input", "code block"]);
        harness.Logs.Collector.GetSnapshot().ShouldContain(r => r.Id.Id == 1013 && r.Message.Contains("InvalidOperationException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancellation_while_classifying_is_not_swallowed()
    {
        using var harness = Harness();
        harness.Services.AddSingleton<IRequestClassifier>(new ScriptedClassifier(null) { Throw = new OperationCanceledException() });

        await Should.ThrowAsync<OperationCanceledException>(harness.Chat.GetResponseAsync("hi"));
    }

    [Fact]
    public async Task Streams_are_classified_too()
    {
        using var harness = Harness();
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in harness.Chat.GetStreamingResponseAsync(Complex))
        {
            updates.Add(update);
        }

        updates.ShouldNotBeEmpty();
        updates.Select(u => u.AdditionalProperties?.GetValueOrDefault(AssistantProviderProperties.Provider)).OfType<string>().Distinct().ShouldBe(["large"]);
    }

    [Fact]
    public async Task Without_pools_Auto_orders_every_route_by_the_pool_strategy()
    {
        using var harness = new RouterHarness(o =>
        {
            o.Strategy = RoutingStrategy.Auto;
            o.Auto.PoolStrategy = RoutingStrategy.Auto; // Read as Cheapest.
        });
        harness.Add("pricey", defaultModel: "p");
        harness.Add("cheap", defaultModel: "c");
        harness.Accounting.Prices["pricey/p"] = 0.02m;
        harness.Accounting.Prices["cheap/c"] = 0.001m;

        var response = await harness.Chat.GetResponseAsync(Complex);

        Provider(response).ShouldBe("cheap");
        Explanation(response).Classification!.Tier.ShouldBe(RequestTiers.Complex);
    }

    [Fact]
    public async Task Other_operations_under_Auto_are_ordered_by_the_pool_strategy_without_a_classification()
    {
        using var harness = Harness(o => o.Auto.PoolStrategy = RoutingStrategy.Priority);

        var embeddings = await harness.Provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["text"]);

        embeddings.ShouldHaveSingleItem();
        harness.Provider.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>("thinker").ShouldBeOfType<FakeEmbeddingGenerator>().Calls.ShouldBe(1);
    }
}
